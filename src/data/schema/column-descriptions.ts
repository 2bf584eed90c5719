/**
 * What each CSV column means, by column name (a name means the same in every table that has it).
 * Published as the `description` of every field in each version's datapackage.json; data/README.md
 * explains the same columns to editors.
 */
export const columnDescriptions: Readonly<Record<string, string>> = {
  id: "Row id, kebab-case, unique across the version's files; the same id means the same measure in every version.",
  value: "The number as published, without separators or units (46 for 46%, 800000 for £800,000); empty when no figure was found.",
  value_high: "The top of a published range (value is its bottom); empty otherwise.",
  qualifier: "How the source states the number: exact, about, more-than, at-least, up-to, range, or not-published (no figure found).",
  unit: "What the number counts: people, percent, gbp, lines, areas, years, forces, or per-ten (as in nine in ten).",
  period: "The time window the number refers to: a period id declared in meta.json, with its dates.",
  status:
    "How well the number is confirmed: primary (in a primary source), secondary (reported by two or more outlets), single-source (one outlet only), conflicting (sources disagree; the note gives the other value).",
  sources: "Ids of the sources in meta.json that published the number, separated by spaces.",
  note: "A short caveat, in our own words.",
  label: "What the number is, in words.",
  cohort: "Which group the figure describes: linked (Londoners linked to county lines) or referred (young people referred to the programme).",
  band: "The age band, as published.",
  age_min: "Youngest age in the band, in years; empty when open-ended.",
  age_max: "Oldest age in the band, in years; empty when open-ended.",
  sex: "The sex the share refers to.",
  area_code: "GSS code of the police force area.",
  area: "Name of the police force area.",
  rank: "Published rank among places; empty when no rank was found.",
  town: "Name of the town.",
  borough_code: "GSS code of the London borough.",
  borough: "Name of the London borough.",
  subregion: "The part of London the figure describes.",
  measure: "Which count for the subregion: linked-links, linked-proven, linked-suspected or referrals.",
  stage: "The stage of the programme's referral process.",
  step: "The stage's order in the process.",
  force_code: "GSS code of the police force area.",
  force: "Name of the police force area.",
  pfa_code: "GSS code of the police force area.",
  pfa_name: "Name of the police force area.",
  unit_code: "ISO 3166-2 code of a county or unitary area (the boundary source's unit).",
  borough_name: "Name of the London borough.",
};
