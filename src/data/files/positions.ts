import { LineCounter, isMap, isScalar, isSeq, parseDocument } from "yaml";
import type { z } from "zod";

/** A line and column, 1-based. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Parses YAML or JSON (JSON is YAML) keeping every node's place, so a schema problem can be shown at
 * its line and column: used for meta.json and for story frontmatter. `lineOffset` is added to every
 * line (frontmatter starts after the opening `---`).
 */
export function parsePositioned(text: string, lineOffset = 0) {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const at = (offset: number): Position => {
    const { line, col } = counter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  return {
    doc,
    /** The first syntax error, where it is. */
    syntaxError: doc.errors[0] && { message: doc.errors[0].message.split("\n")[0]!, ...at(doc.errors[0].pos[0]) },
    value: doc.toJS() as unknown,
    /** Where a key path is: the deepest key that exists along it (a missing key points at its parent's key). */
    positionOf(path: readonly PropertyKey[]): Position | undefined {
      let node: unknown = doc.contents;
      let found: Position | undefined;
      for (const key of path) {
        if (isSeq(node) && typeof key === "number") {
          const item = node.items[key] as { range?: [number, number] } | undefined;
          if (item?.range) found = at(item.range[0]);
          node = item;
          continue;
        }
        if (!isMap(node)) break;
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
        if (!pair) break;
        const range = (pair.key as { range?: [number, number] }).range;
        if (range) found = at(range[0]);
        node = pair.value;
      }
      return found;
    },
    /**
     * Where the character at `index` of a text value is in the file, so a message can point at a word
     * inside it. Exact for a one-line JSON string (escapes such as `\"` or `\u2019` are counted as the
     * characters they stand for) and for a plain YAML scalar on one line; otherwise the value's start.
     */
    positionInText(path: readonly PropertyKey[], index: number): Position | undefined {
      let node: unknown = doc.contents;
      for (const key of path) node = isMap(node) ? node.get(key, true) : isSeq(node) ? node.get(key as number, true) : undefined;
      if (!isScalar(node) || typeof node.value !== "string" || !node.range) return undefined;
      const start = node.range[0];
      if (node.type === "PLAIN" && text.slice(start, start + node.value.length) === node.value) return at(start + index);
      if (node.type !== "QUOTE_DOUBLE") return at(start);
      let offset = start + 1; // past the opening quote
      for (let i = 0; i < index && offset < node.range[1]; i++) offset += text[offset] !== "\\" ? 1 : text[offset + 1] === "u" ? 6 : 2;
      return at(offset);
    },
    at,
  };
}

/** The key path that shows where a zod issue is: an unknown field points at the field itself. */
function issuePath(issue: z.core.$ZodIssue): readonly PropertyKey[] {
  return issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]!] : issue.path;
}

/** A zod issue in editors' words: the path ("sources[0].url") and the message. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): { where: string; message: string } {
  const where = issue.path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");
  if (issue.code === "invalid_type" && isMissing(input, issue.path)) {
    const field = String(issue.path.at(-1) ?? "");
    return {
      where: issue.path
        .slice(0, -1)
        .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
        .join("")
        .replace(/^\./, ""),
      message: `"${field}" is missing; add it`,
    };
  }
  // The rest of zod's own wording, in plain words.
  if (issue.code === "unrecognized_keys")
    return {
      where,
      message: `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}; check the spelling (data/README.md lists the fields)`,
    };
  if (issue.code === "invalid_type")
    return {
      where,
      message: `expected ${issue.expected === "string" ? "text" : issue.expected === "array" ? "a list [ … ]" : issue.expected === "object" ? "an object { … }" : issue.expected}`,
    };
  if (issue.code === "too_small" && issue.origin === "array")
    return { where, message: `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? "y" : "ies"}` };
  if (issue.code === "invalid_value") return { where, message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}` };
  return { where, message: issue.message };
}

/** True when the last key of `path` is absent from the parsed input (zod does not report inputs). */
function isMissing(input: unknown, path: readonly PropertyKey[]): boolean {
  let node = input;
  for (const key of path.slice(0, -1)) node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return !(node && typeof node === "object" && path.length > 0 && (path.at(-1) as PropertyKey) in node);
}

/** The first problem a schema finds in a document: in plain words, where it is, and whether a field is missing. */
export interface SchemaProblem {
  readonly where: string;
  readonly message: string;
  readonly position?: Position;
  readonly missing: boolean;
  readonly issue: z.core.$ZodIssue;
}

/**
 * The one way a YAML or JSON document is checked against a schema (meta.json, story frontmatter):
 * its value, or its problems (the first, and all of them) with the line and column to show. Callers wrap the problem in
 * their own error (DataError, StoryError).
 */
export function parseWithSchema<T>(
  schema: z.ZodType<T>,
  positioned: ReturnType<typeof parsePositioned>,
): { data: T; problem?: undefined; problems?: undefined } | { data?: undefined; problem: SchemaProblem; problems: SchemaProblem[] } {
  const result = schema.safeParse(positioned.value ?? {});
  if (result.success) return { data: result.data };
  const problems = result.error.issues.map((issue) => {
    const { where, message } = describeIssue(issue, positioned.value);
    return {
      where,
      message,
      position: positioned.positionOf(issuePath(issue)),
      missing: issue.code === "invalid_type" && isMissing(positioned.value, issue.path),
      issue,
    };
  });
  return { problem: problems[0]!, problems };
}
