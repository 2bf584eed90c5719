import { readFileSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { join } from "node:path";

const R1 = "data/rescue-and-response/2019-09-18";

/**
 * Inputs that are easier to make in code than to store: bytes that are not UTF-8, a 90 MB table,
 * a reversed ring in a TopoJSON file. `touch(file)` records a file before it is changed (so the
 * runner can restore it) and returns its path in the project copy. The valid-but-unusual generators
 * (bom, crlf, quoted) edit the destinations table of `version`, so that all three fit in one build.
 */
export function applyGenerator(name: string, root: string, touch: (file: string) => string, version = "2019-09-18"): void {
  const destinations = `data/rescue-and-response/${version}/destinations.csv`;
  const edit = (file: string, change: (bytes: Buffer) => Buffer | string) => {
    const path = touch(file);
    writeFileSync(path, change(readFileSync(path)));
  };
  switch (name) {
    case "latin1-pound": // a Windows-1252 "£" (one byte, 0xA3) on line 9
      return edit(`${R1}/headline.csv`, (b) => Buffer.from(b.toString("latin1").replace("The grant for", "The \u00a3 grant for"), "latin1"));
    case "long-cell":
      return edit(`${R1}/destinations.csv`, (b) => b.toString().replace("The area with the most linked Londoners", "x".repeat(5000)));
    case "million-rows": {
      const path = touch(`${R1}/destinations.csv`);
      const header = readFileSync(path, "utf8").split("\n")[0]!;
      const row = (i: number) => `area-${i},E23000024,Norfolk,,${i},,exact,people,research,secondary,S2 S3,A generated row\n`;
      writeFileSync(path, `${header}\n`);
      for (let start = 0; start < 1_000_000; start += 100_000) appendFileSync(path, Array.from({ length: 100_000 }, (_, k) => row(start + k)).join(""));
      return;
    }
    case "empty-destinations":
      return edit(`${R1}/destinations.csv`, () => "");
    case "extra-source":
      return edit(`${R1}/meta.json`, (b) => {
        const meta = JSON.parse(b.toString()) as { sources: object[] };
        meta.sources.push({
          id: "S12",
          title: "An article nobody cites",
          publisher: "A newspaper",
          date: "2019-09",
          url: "https://example.org/",
          licence: "Publisher copyright.",
        });
        return `${JSON.stringify(meta, null, 2)}\n`;
      });
    case "delete-towns":
      touch(`${R1}/towns.csv`);
      return rmSync(join(root, `${R1}/towns.csv`));
    case "extra-force":
      return edit("data/police-force-areas/2018-04-01/forces.csv", (b) => `${b.toString()}w15000099,W15000099,Atlantis,L1\n`);
    case "reverse-winding":
      return edit("data/london-boroughs/2018-04-01/london-boroughs.topo.json", (b) => {
        const topo = JSON.parse(b.toString()) as { objects: { boroughs: { geometries: { id: string; type: string; arcs: number[][] | number[][][] }[] } } };
        const city = topo.objects.boroughs.geometries.find((g) => g.id === "E09000001")!;
        const reverse = (ring: number[]) =>
          ring
            .slice()
            .reverse()
            .map((arc) => ~arc);
        city.arcs = city.type === "Polygon" ? (city.arcs as number[][]).map(reverse) : (city.arcs as number[][][]).map((p) => p.map(reverse));
        return JSON.stringify(topo);
      });
    case "bom":
      return edit(destinations, (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]));
    case "crlf":
      return edit(destinations, (b) => b.toString().replace(/\n/g, "\r\n"));
    case "quoted":
      return edit(destinations, (b) =>
        b.toString().replace(",The area with the most linked Londoners\n", ',"Top in every list, by far; the ""leader"" since\n2018, whatever the count"\n'),
      );
    default:
      throw new Error(`unknown generator "${name}"`);
  }
}
