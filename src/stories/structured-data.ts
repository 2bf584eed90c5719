import type { DataCatalog, Dataset as SchemaDataset, NewsArticle, Organization, WithContext } from "schema-dts";
import { correctionAnchor, type Correction } from "../components/correction-anchor";
import { storyDate, type NumberedSource } from "../data/citing/citations";
import { isoSourceDate, readSourceRecords } from "../data/citing/source-records";
import { columnDescriptions } from "../data/schema/column-descriptions";
import type { Dataset } from "../data/schema/dataset";
import { loadDataset } from "../data/versions/load-dataset";
import { publication } from "../data/citing/publication";
import { siteUrl as url } from "../components/with-base";
import { LOGO_SIZE } from "../render/logo";

// schema.org descriptions of the site's pages for search engines, typed with schema-dts.

const iso = (d: Date) => d.toISOString().slice(0, 10);
const organization = (name: string): Organization => ({ "@type": "Organization", name });

/**
 * The site as publisher, with the logo Google's Article guidelines ask of a publisher: an ImageObject
 * of a raster image with its size: the site's icon as a PNG made at build time (src/render/logo.ts).
 */
const publisher = (site: URL): Organization => ({
  "@type": "Organization",
  name: publication.name,
  logo: { "@type": "ImageObject", url: url("logo.png", site), width: String(LOGO_SIZE), height: String(LOGO_SIZE) },
});

/** Where a dataset's figures are about (schema.org spatialCoverage), by dataset. */
const coverage: Readonly<Record<string, readonly string[]>> = {
  "rescue-and-response": ["London", "England and Wales"],
  national: ["England and Wales"],
  "programme-outcomes": ["London"],
  "police-force-areas": ["England and Wales"],
  "london-boroughs": ["London"],
};

/** A story as a NewsArticle: headline, dates, author and publisher, share image, sources, corrections, data. */
export function newsArticle(
  story: {
    id: string;
    data: { title: string; standfirst: string; published: Date; updated?: Date; corrections: readonly Correction[] };
  },
  sources: readonly NumberedSource[],
  site: URL,
): WithContext<NewsArticle> {
  const { title, standfirst, published, corrections } = story.data;
  const records = readSourceRecords();
  // Changed last by its update or by its latest correction, whichever is later (both are shown on the page).
  const modified = [storyDate(story.data), ...corrections.map((c) => iso(c.date))].sort().at(-1)!;
  const versions = [...new Map(sources.map((s) => [`${s.dataset}/${s.version}`, s])).values()];
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: title,
    description: standfirst,
    datePublished: iso(published),
    dateModified: modified,
    author: organization(publication.author),
    publisher: publisher(site),
    image: { "@type": "ImageObject", url: url(`share/${story.id}.png`, site), width: "1200", height: "630" },
    mainEntityOfPage: url(`stories/${story.id}/`, site),
    url: url(`stories/${story.id}/`, site),
    inLanguage: publication.language,
    isAccessibleForFree: true,
    citation: sources.map((s) => {
      const date = isoSourceDate(records.get(s.source.id)?.date ?? s.source.date);
      return {
        "@type": "CreativeWork",
        name: s.source.title,
        url: s.source.url,
        ...(date ? { datePublished: date } : {}),
        publisher: organization(s.source.publisher),
      } as const;
    }),
    ...(corrections.length > 0
      ? {
          correction: corrections.map(
            (c) =>
              ({
                "@type": "CorrectionComment",
                datePublished: iso(c.date),
                text: c.text,
                url: url(`stories/${story.id}/#${correctionAnchor(c)}`, site),
              }) as const,
          ),
        }
      : {}),
    isBasedOn: versions.map((v) => ({
      "@type": "Dataset",
      "@id": url(`data/#${v.dataset}-${v.version}`, site),
      // The name the Data page's Dataset of the same @id has.
      name: `${loadDataset(v.dataset, v.version).meta.title}, version ${v.version}`,
      version: v.version,
    })),
  };
}

/** The Data page as a DataCatalog of every dataset version, each a Dataset with its CSV downloads. */
export function dataCatalog(datasets: readonly Dataset[], site: URL): WithContext<DataCatalog> {
  return {
    "@context": "https://schema.org",
    "@type": "DataCatalog",
    name: `${publication.name}: data`,
    description: "Every dataset version behind the site, with downloads, sources and sha256 checksums.",
    url: url("data/", site),
    inLanguage: publication.language,
    publisher: publisher(site),
    dataset: datasets.map((d) => datasetOf(d, site)),
  };
}

function datasetOf(d: Dataset, site: URL): SchemaDataset {
  // The span of the periods' own dates, as an ISO 8601 interval ("../2022-07" when no start is known);
  // none when no period has a date (never an invented one).
  const starts = d.meta.periods.flatMap((p) => (p.start ? [p.start] : [])).sort();
  const ends = d.meta.periods.flatMap((p) => ((p.end ?? p.start) ? [p.end ?? p.start!] : [])).sort();
  const csvs = d.meta.files.filter((f) => f.name.endsWith(".csv"));
  const columns = [...new Set(Object.values({ ...d.tables, ...d.lookups }).flatMap((rows) => (rows[0] ? Object.keys(rows[0]) : [])))];
  return {
    "@type": "Dataset",
    "@id": url(`data/#${d.id}-${d.version}`, site),
    name: `${d.meta.title}, version ${d.version}`,
    description: d.meta.description,
    version: d.version,
    datePublished: d.meta.published,
    url: url(`data/#${d.id}-${d.version}`, site),
    creator: organization(publication.author),
    publisher: publisher(site),
    ...(ends.length > 0 ? { temporalCoverage: `${starts[0] ?? ".."}/${ends.at(-1)}` } : {}),
    spatialCoverage: (coverage[d.id] ?? []).map((name) => ({ "@type": "Place", name })),
    variableMeasured: columns.filter((c) => columnDescriptions[c]).map((c) => ({ "@type": "PropertyValue", name: c, description: columnDescriptions[c] })),
    isBasedOn: d.meta.sources.map((s) => ({
      "@type": "CreativeWork",
      name: s.title,
      url: s.url,
      datePublished: s.date,
      publisher: organization(s.publisher),
      ...(licenceOf(s.licence) ? { license: licenceOf(s.licence) } : {}),
    })),
    distribution: csvs.map((f) => ({
      "@type": "DataDownload",
      name: f.name,
      contentUrl: url(`data/${d.id}/${d.version}/${f.name}`, site),
      encodingFormat: "text/csv",
      sha256: f.sha256,
    })),
  };
}

/** A source's licence where it is known (the Open Government Licence, or the public domain); else none. */
function licenceOf(text: string): string | undefined {
  if (/Open Government Licence v3\.0/.test(text)) return "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
  if (/^Public domain\b/.test(text)) return "https://creativecommons.org/publicdomain/mark/1.0/";
  return undefined;
}
