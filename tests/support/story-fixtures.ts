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

/** The anchor of that correction on the story page: its date and declared id. */
export const CORRECTION_ANCHOR = "correction-2019-09-20-referral-month";

/** The correction the corrected story carries. */
export const CORRECTION_TEXT = "An earlier version gave the wrong month for the referral period.";

/** A story of its own with a correction and an update, so tests do not depend on the corrections real stories carry. */
export const CORRECTED_STORY = `---
title: "A story that was corrected after it was published"
standfirst: "A short story used to test how corrections and updates are shown."
byline: "By the data team"
published: 2019-09-19
updated: 2019-09-21
updateNote: "corrected the referral period"
shareImageAlt: "No chart; a test story."
corrections:
  - date: 2019-09-20
    id: referral-month
    text: "${CORRECTION_TEXT}"
---

The story's text.
`;
