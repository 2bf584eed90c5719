/** A draft story: shown by `npm run dev`, left out of production builds. */
export const DRAFT = `---
title: "A draft that is not ready yet"
standfirst: "This story is still being written and must not be published."
byline: "By the data team"
published: 2019-10-01
shareImageAlt: "No image yet; this is a draft."
draft: true
---

Work in progress.
`;
