import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * What changes when a file changes, read without opening it: its size, modification and change times and
 * inode, or "-"
 * when it does not exist. Caches of parsed files compare stamps, so a running `npm run dev` (or any
 * long-lived process) reads an edited file again instead of serving what it read before.
 * @param path the file
 */
export function fileStamp(path: string): string {
  // Inode and change time too: a tool that keeps modification times (cp -p, rsync -t) cannot keep those.
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}` : "-";
}

/**
 * The stamps of every file under a folder, by path within it, in a stable order: any file added,
 * removed or edited anywhere below changes it. "" for a missing folder.
 * @param dir the folder
 */
export function folderStamp(dir: string): string {
  if (!existsSync(dir)) return "";
  return (
    readdirSync(dir, { recursive: true })
      .map(String)
      .sort()
      // A file gone since the listing (an editor's atomic save) is skipped, not an error.
      .filter((name) => statSync(join(dir, name), { throwIfNoEntry: false })?.isFile())
      .map((name) => `${name}:${fileStamp(join(dir, name))}`)
      .join("|")
  );
}
