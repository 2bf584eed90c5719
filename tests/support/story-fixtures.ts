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

/** A story dated after the fixtures build's publishing day (SCHEDULED_BUILD_DAY): scheduled, not yet published. */
export const SCHEDULED = `---
title: "A story scheduled for next spring"
standfirst: "This story is finished but must not appear before its publication date."
byline: "By the data team"
published: 2027-03-01
shareImageAlt: "No image yet; this story is scheduled."
---

Ready, and waiting for its day.
`;

/** The day the fixtures build publishes as of (its SOURCE_DATE_EPOCH), before SCHEDULED's date. */
export const SCHEDULED_BUILD_DAY = "2026-12-02";

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
