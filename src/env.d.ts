/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Data versions pinned by the story being rendered; Chart and Fact read them. */
    versions?: import("./lib/data/facts").Versions;
    /** Further versions the story compares with (frontmatter `compare:`); `<Fact version>` reads them. */
    compare?: import("./lib/data/facts").Versions;
  }
}
