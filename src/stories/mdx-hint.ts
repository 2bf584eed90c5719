/** How to fix any MDX syntax error, said after the processor's own words (by the story check and the build). */
export const MDX_HINT = "Stories are MDX: close every component (<Aside>…</Aside>) or end it with />, and write \\{ for a literal curly brace";
