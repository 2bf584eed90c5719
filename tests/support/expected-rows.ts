/**
 * Facts the chart tests state by hand, read from the stories and data/ rather than from the code
 * under test: the pins of the Year 1 stories, and the destinations table's rows in published rank
 * order (ranked areas first, then the unranked ones as the CSV lists them).
 */
export const YEAR_1_PINS = { "rescue-and-response": "2019-09-18-c1", national: "2019-01-30-c1" };

export const YEAR_1_DESTINATIONS = [
  "destinations/norfolk",
  "destinations/hampshire",
  "destinations/essex",
  "destinations/sussex",
  "destinations/thames-valley",
  "destinations/suffolk",
  "destinations/hertfordshire",
  "destinations/bedfordshire",
  "destinations/northamptonshire",
];
