/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Data versions pinned by the story being rendered; Chart and Fact read them. */
    versions?: import("./lib/data/facts").Versions;
  }
}
