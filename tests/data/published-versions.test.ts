import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { expect, it } from "vitest";

/**
 * The bytes of every file of a published version, recorded when it was published. A published
 * version never changes (data/README.md): a later version is added beside it. The loader's own
 * checksums live in meta.json, which sits in the same folder and could be edited with the data;
 * this record is kept apart so that editing both still fails.
 */
const published: Record<string, Record<string, string>> = {
  "london-boroughs/2018-04-01": {
    "NOTES.md": "791cf4b2ff4a1b151533d47160f77ae49c609a9580b7e26e5b506f305ecc3765",
    "boroughs.csv": "96766083a8dbbadae4aae2c29abea43a1745f5726876f8ffbe5271cf84e7f927",
    "london-boroughs.topo.json": "59d3bf03c46b1ce7d25a44bbf49ef560bf0d6e8e9070779fbf0e9dd5a5812e0c",
    "meta.json": "dd2df9f55e92fe27ff33b7e2167292fce484a742555f3d311124c1bfe0c82861"
  },
  "national/2019-01-30": {
    "NOTES.md": "fe1d766879dd5bc33598d2b5eb464f2738129275b3afe593bc6eaec9fa25b04e",
    "deal-line-share.csv": "34e628a395ef83e40bd912e510c5579231ad0d5c5e48b93bf8c0cf52dc736528",
    "headline.csv": "b307b2ce98ba6be4d504ee5dd641b8875419a8545abf6cc7c094a66237de0167",
    "meta.json": "35c6ac9fdfcdc0dd5db196ef94778982dfa33d1f9c11854c5989172a93dc1ff9"
  },
  "police-force-areas/2018-04-01": {
    "NOTES.md": "19ca80652af39a02477786298d74d36144601913c07084a8d9325f34b5f57e2f",
    "forces.csv": "df26b9b0ec54cee0e13695b8f6980b7dc1e76205008a395097a55f7485dfa6f4",
    "lookup.csv": "231f6ea8bdf7359230e408b94f0817983f7647b8484a3642607e4fda95671af4",
    "meta.json": "2ce1d5618b4f38f0fdb40b9a28c8afc473fafbd3b2bcfdcb3c2df750aa46b8e1",
    "police-force-areas.topo.json": "f810e0d03280bd6be0d65d55cda2810db3ef755e79e415528264aea14fbb8989"
  },
  "programme-outcomes/2022-07-27": {
    "NOTES.md": "80cc2ee8153e081e8d56b7e65d90ac3f36287f52859a363c6f21e69931154d29",
    "meta.json": "118569f96d7e2de2f6bcb6ec25d261b623a16cbcccd98a302507cbb4184aff98",
    "outcomes.csv": "344ed63d8980107da320ea14c9e1f1e15978d364316b08a0e0e673ebd7977c60"
  },
  "rescue-and-response/2019-09-18": {
    "NOTES.md": "7f80ad6c46fd263869afb71c4df754c53679031ee41ab9d5863d80504a3ba3e4",
    "age-bands.csv": "15eb4f51d8a7d75f8cd5550d386eafdfeb47742e3520617ca7d34e3c3e14b807",
    "boroughs.csv": "30890d0049027c6482d678db35721299f4a4d3e189a44a48711aa010c5539393",
    "destinations.csv": "fd4949c306f5d957e273b3218d2b54e312666a82a8c2d9a9c796a7adeb36f1fa",
    "headline.csv": "eeab93b4f88f86fadd449b05ad085e51ec98641a9ad1f4b91ee7a58f8d90581a",
    "meta.json": "0bf20353bb7f10e52f1a31635e7dd3e3cc06cd92c646756b85f5f77df134ea00",
    "referral-funnel.csv": "1164f4bb839023870897930dae2e0d4fa58f2151677ef02c1b6bd2762e627e0a",
    "referrals-by-borough.csv": "aa7a809da62a26129b5a984c99b24a9db65c65c85cb21dc5f4c64f671d17c551",
    "sex.csv": "56c332cdea8b2af36a3a5d53e9954371e6810a4b79fe0db885846f84a3477685",
    "subregions.csv": "b0d6fba5c32d1cbbee70c0ee5b53ddfbfecbb3fe9ee5b6383ab6bd1daf299745",
    "towns.csv": "e66203f005e72dd84e7f01a3bd242a2af24b3d0969ad8a629415bd573c4ccf20"
  },
  "rescue-and-response/2020-09-30": {
    "NOTES.md": "4d216db6f7bb7ae70a46db88358aa93fe9d9e4bbe2caee796443c892c2c51bba",
    "boroughs.csv": "af85276a3a8e7ba367c765bc958dace0a53696141a61e733f81e27ecf9e5994b",
    "destinations.csv": "3da62035c99bac2b410b7d31c711ef900d50f9aacd52fbdcaa28914c5623d8ea",
    "headline.csv": "dfe74002922596816886c6f8c3ac43fb23a1072d4011f6385d99ac5aa3418f30",
    "meta.json": "bbd055cf99433d2f399706c6cce6bbf8ddadf27f0908da9944d9dc798a7f2285",
    "referrals-by-borough.csv": "b9756874ce4aaaa86c7bf4a2bb9d86a53a81146ebc2e6c2968e50674e4510653",
    "towns.csv": "1c5b8a5f1e500bb63f9c0a7ce58ebbe523332f8f3bb9524f5790516edbbf9a7e"
  }
};

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

it.each(Object.keys(published))("data/%s is byte-identical to what was published", (folder) => {
  const files = readdirSync(`data/${folder}`).sort();
  const actual = Object.fromEntries(files.map((name) => [name, sha256(`data/${folder}/${name}`)]));
  expect(actual).toEqual(published[folder]);
});
