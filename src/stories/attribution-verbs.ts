/**
 * One word (or phrase) that attributes a claim to someone, with every form the rule looks for.
 * Forms are listed, not derived: English has too many irregular ones (told, found, put) to derive
 * them safely.
 */
export interface AttributionVerb {
  /** The word as the editor guide lists it: the base form, or the phrase ("according to"). */
  readonly verb: string;
  /** Every form a sentence may use, lower case; each counts only as the verb, never as a noun. */
  readonly forms: readonly string[];
  /**
   * Forms that are also everyday nouns ("the report", "an estimate", "TV shows"): the rule reads them as
   * the verb only where the words around them leave a verb (see `isNounUse` in ./attribution.ts).
   */
  readonly alsoNouns?: readonly string[];
  /** Words that, right after a form, show it is used in another sense: "found in any source we hold" says where a thing is, not who found it. */
  readonly otherSenseIfFollowedBy?: readonly string[];
}

/**
 * The words that attribute a claim to someone: a sentence using one must carry the `<Cite>` of who
 * made the claim, or a `<Fact>` from their figures (content/README.md, "Attributions carry their
 * source"). Chosen from newsroom style guides' lists of attribution verbs (said and its stronger
 * cousins: told, revealed, claimed, warned, admitted…), keeping only words that in our stories would
 * put a claim in someone else's mouth. Each verb is listed once, with its forms.
 *
 * Left out on purpose: "record" and "count" (in our stories they describe the data: "recorded crime",
 * "counted as linked"), "write" and "publish" (they say where a source appeared, not what it claims)
 * and "maintain" and "stress" (mostly used in their other senses).
 */
export const ATTRIBUTION_VERBS: readonly AttributionVerb[] = [
  { verb: "say", forms: ["say", "says", "said", "saying"], alsoNouns: ["say"] },
  { verb: "tell", forms: ["tell", "tells", "told", "telling"] },
  { verb: "reveal", forms: ["reveal", "reveals", "revealed"] },
  { verb: "claim", forms: ["claim", "claims", "claimed", "claiming"], alsoNouns: ["claim", "claims"] },
  // The bare "state" is left out: in our stories it is the noun ("state schools").
  { verb: "state", forms: ["states", "stated", "stating"], alsoNouns: ["states"] },
  { verb: "warn", forms: ["warn", "warns", "warned"] },
  { verb: "show", forms: ["show", "shows", "showed"], alsoNouns: ["show", "shows"], otherSenseIfFollowedBy: ["up"] },
  { verb: "estimate", forms: ["estimate", "estimates", "estimated", "estimating"], alsoNouns: ["estimate", "estimates"] },
  { verb: "find", forms: ["find", "finds", "found"], alsoNouns: ["find", "finds"], otherSenseIfFollowedBy: ["in"] },
  { verb: "report", forms: ["report", "reports", "reported", "reporting"], alsoNouns: ["report", "reports", "reporting"] },
  { verb: "describe", forms: ["describe", "describes", "described"] },
  // The bare "add" is left out: "add up", "add them together" are sums, not claims.
  { verb: "add", forms: ["adds", "added", "adding"], otherSenseIfFollowedBy: ["to", "together", "up"] },
  { verb: "admit", forms: ["admit", "admits", "admitted"] },
  { verb: "announce", forms: ["announce", "announces", "announced"] },
  { verb: "argue", forms: ["argue", "argues", "argued"] },
  { verb: "assert", forms: ["assert", "asserts", "asserted"] },
  { verb: "believe", forms: ["believe", "believes", "believed"] },
  { verb: "conclude", forms: ["conclude", "concludes", "concluded"] },
  { verb: "confirm", forms: ["confirm", "confirms", "confirmed"] },
  { verb: "disclose", forms: ["disclose", "discloses", "disclosed"] },
  { verb: "explain", forms: ["explain", "explains", "explained"] },
  { verb: "insist", forms: ["insist", "insists", "insisted"] },
  { verb: "note", forms: ["notes", "noted"], alsoNouns: ["notes"] },
  { verb: "suggest", forms: ["suggest", "suggests", "suggested"] },
  { verb: "acknowledge", forms: ["acknowledge", "acknowledges", "acknowledged"] },
  { verb: "allege", forms: ["allege", "alleges", "alleged"] },
  { verb: "indicate", forms: ["indicate", "indicates", "indicated"] },
  { verb: "highlight", forms: ["highlight", "highlights", "highlighted"], alsoNouns: ["highlight", "highlights"] },
  { verb: "deny", forms: ["deny", "denies", "denied"] },
  { verb: "point out", forms: ["point out", "points out", "pointed out"] },
  { verb: "put it", forms: ["put it", "puts it"] },
  { verb: "according to", forms: ["according to"] },
  { verb: "in the words of", forms: ["in the words of"] },
];
