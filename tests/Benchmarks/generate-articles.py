#!/usr/bin/env python3
"""Writes N synthetic articles in the real content format, for benchmarks at scale (used by startup-10k.sh).

    tests/Benchmarks/generate-articles.py OUT_DIR [--articles 500] [--entries 20] [--seed 1]
    tests/Benchmarks/generate-articles.py --slug "Mørk Bølge Tapes"      # prints the slug the site makes of a name

OUT_DIR gets kinds.yml (copied from content/) and articles/YYYY-MM-<slug>.md: one article a month going back from
last month, of the kinds labels, venues, associations and milestones (5:3:1:1), each with --entries entries.
Entries have unique names with accents, the facts of their kind (countries from the site's list), a few paragraphs
of prose, and a few links to entries, articles and countries that exist. Deterministic for a given seed. Every
file is meant to import with zero errors: an error in the site's log after importing OUT_DIR is a bug here.
"""

import argparse
import datetime
import itertools
import pathlib
import random
import shutil
import unicodedata

# The same rules as the site's Slug.From (src/Impala.Discovery.Web/Content/Slug.cs).
SPECIAL_LETTERS = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ł": "l", "þ": "th", "ı": "i"}


def slug(name):
    out, pending_hyphen = [], False
    for ch in unicodedata.normalize("NFD", name.lower()):
        if unicodedata.category(ch) == "Mn" or ch in "'\u2019\u2018":
            continue
        ascii_text = SPECIAL_LETTERS.get(ch) or (ch if ch.isascii() and ch.isalnum() else None)
        if ascii_text is None:
            pending_hyphen = len(out) > 0
            continue
        if pending_hyphen:
            out.append("-")
            pending_hyphen = False
        out.append(ascii_text)
    return "".join(out)


# Countries from KnownCountries.cs, with cities written as locals write them.
CITIES = {
    "Iceland": ["Reykjavík", "Akureyri"],
    "Norway": ["Oslo", "Bergen", "Tromsø"],
    "Sweden": ["Stockholm", "Göteborg", "Malmö"],
    "Finland": ["Helsinki", "Tampere", "Turku"],
    "Ireland": ["Dublin", "Cork", "Galway"],
    "United Kingdom": ["London", "Manchester", "Glasgow", "Bristol"],
    "Denmark": ["Copenhagen", "Aarhus", "Odense"],
    "Estonia": ["Tallinn", "Tartu"],
    "Netherlands": ["Amsterdam", "Rotterdam", "Utrecht"],
    "Germany": ["Berlin", "Köln", "München", "Düsseldorf", "Hamburg"],
    "Poland": ["Warszawa", "Kraków", "Łódź", "Gdańsk"],
    "Latvia": ["Rīga"],
    "Belgium": ["Brussels", "Gent", "Liège"],
    "Luxembourg": ["Luxembourg"],
    "Czech Republic": ["Praha", "Brno", "Ostrava"],
    "Slovakia": ["Bratislava", "Košice"],
    "Lithuania": ["Vilnius", "Kaunas"],
    "France": ["Paris", "Lyon", "Bordeaux", "Marseille", "Nantes"],
    "Switzerland": ["Zürich", "Genève", "Basel"],
    "Austria": ["Wien", "Graz", "Linz"],
    "Hungary": ["Budapest", "Pécs", "Győr"],
    "Portugal": ["Lisboa", "Porto", "Coimbra"],
    "Spain": ["Madrid", "Barcelona", "Sevilla", "A Coruña", "València"],
    "Slovenia": ["Ljubljana", "Maribor"],
    "Croatia": ["Zagreb", "Split", "Osijek"],
    "Serbia": ["Beograd", "Novi Sad"],
    "Romania": ["București", "Cluj-Napoca", "Timișoara"],
    "Italy": ["Milano", "Roma", "Bologna", "Torino", "Napoli"],
    "Bulgaria": ["Sofia", "Plovdiv"],
    "Greece": ["Athens", "Thessaloniki"],
    "Turkey": ["İstanbul", "İzmir"],
    "Malta": ["Valletta"],
}
COUNTRIES = sorted(CITIES)

FIRST = ["Åsa", "Björn", "Zoë", "Ségolène", "Łukasz", "Małgorzata", "Jiří", "Dóra", "Núria", "Íñigo", "Sølvi",
         "Þóra", "Gürkan", "Ioana", "Mikołaj", "Émile", "Ångström", "Jürgen", "Noémie", "Øystein", "Mateja",
         "Tõnu", "Aoife", "Siobhán", "Raúl", "Chloé", "Anže", "Zsófia", "Kateřina", "Joël"]
LAST = ["Müller", "Kovačević", "Håkansson", "Ó Briain", "Nováková", "Dąbrowski", "Fernández", "Lefèvre",
        "Þórsdóttir", "Sørensen", "Szabó", "Jovanović", "Papadopoulos", "Virtanen", "Kask", "Öztürk", "Bianchi",
        "De Smet", "Ruiz", "Halvorsen", "Wójcik", "Horváth", "Dubois", "Petrović", "Lindqvist", "Costa"]
WORD_A = ["Åland", "Bølge", "Čierna", "Dúlamán", "Élan", "Fjäril", "Górna", "Hüttl", "Íslensk", "Jázmin", "Kék",
          "Łąka", "Mørk", "Noč", "Œillet", "Père", "Quíntuplo", "Røde", "Sœur", "Tündér", "Ürün", "Vår", "Wörth",
          "Ýmir", "Zöld", "Azur", "Brisa", "Cerulean", "Dunkel", "Ember", "Fauve", "Grün", "Halo", "Ignis",
          "Jade", "Kosmos", "Lumière", "Marée", "Nebula", "Ozon"]
WORD_B = ["Wave", "Garden", "Lantern", "Harbour", "Static", "Velvet", "Echo", "Orbit", "Ferment", "Signal",
          "Meridian", "Pulse", "Hollow", "Tide", "Ritual", "Mirage", "Comet", "Copper", "Fable", "Prism", "Glacier",
          "Ash", "Cinder", "Delta", "Ember", "Fjord", "Grove", "Hymn", "Island", "Jungle", "Kite", "Lagoon",
          "Marble", "Needle", "Oasis", "Pylon", "Quarry", "Raven", "Summit", "Thistle"]
LABEL_SUFFIX = ["Records", "Disques", "Schallplatten", "Discos", "Plattor", "Levyt", "Dischi", "Ploče", "Music",
                "Tapes", "Sound", "Recordings"]
VENUE_SUFFIX = ["Hall", "Kulturhaus", "Sala", "Club", "Kino", "Stage", "Keller", "Arena", "Loft", "Garage",
                "Werk", "Fabrik", "Salle", "Teatro"]
GENRES = ["Jazz", "Electronic music", "Indie rock", "Punk", "Folk", "Classical music", "Metal", "Hip hop",
          "Techno", "Chanson", "Fado", "Flamenco", "Ambient", "Post-rock", "Soul", "Reggae", "Experimental music"]
FORMER_USE = ["Tram depot", "Brewery", "Swimming baths", "Army barracks", "Textile mill", "Cinema", "Church",
              "Slaughterhouse", "Power station", "Printing works"]
EVENTS = ["Summit", "Campaign", "Agreement", "Award", "Report", "Conference", "Charter", "Coalition", "Study"]

KIND_CYCLE = ["labels"] * 5 + ["venues"] * 3 + ["associations", "milestones"]
PLURAL = {"labels": "labels", "venues": "venues", "associations": "associations", "milestones": "milestones"}


class Names:
    """Hands out names whose slugs have not been used yet in a kind, from a shuffled product of word lists."""

    def __init__(self, rng, *parts):
        self.pool = list(itertools.product(*parts))
        rng.shuffle(self.pool)
        self.used = set()
        self.counter = 0

    def take(self):
        while self.pool:
            name = " ".join(self.pool.pop())
            if slug(name) not in self.used:
                self.used.add(slug(name))
                return name
        self.counter += 1  # only reached when a kind needs more names than the word lists make
        name = f"Ensemble {self.counter}"
        self.used.add(slug(name))
        return name


def person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def prose(rng, entry, links):
    """Two to four paragraphs about one entry; `links` are Markdown links to pages that exist."""
    name, city, country, year = entry["name"], entry.get("city", ""), entry.get("country", ""), entry["year"]
    where = f"{city}, {country}" if city else "Europe"
    genre = rng.choice(GENRES).lower()
    sentences = [
        f"{name} began in {where} in {year}, at a time when very few people believed that independent music "
        f"could pay its own way.",
        f"Over the years it has become a reference for {genre}, and its name now travels well beyond {city or 'its home'}.",
        f"The people behind it, among them {person(rng)}, still answer their own emails and still go to every show "
        f"they can.",
        f"Ask anyone in the local scene about *{name}* and you will hear a story, usually a long one, about a "
        f"night that changed their mind about what music can do.",
        f"It survived the collapse of physical sales, the arrival of streaming and a pandemic, mostly by refusing "
        f"to do things the easy way.",
        f"Its catalogue of {rng.randint(40, 900)} releases mixes first records by unknown artists with reissues "
        f"that had been out of print for decades.",
        f"Today it works with partners in {rng.choice(COUNTRIES)} and {rng.choice(COUNTRIES)}, and shares "
        f"ideas with friends across the continent.",
        f"In {min(year + rng.randint(3, 20), 2025)} it won the respect of the wider industry with a campaign that "
        f"put fair pay for artists on the front pages.",
    ]
    rng.shuffle(sentences)
    paragraphs, start = [], 0
    for size in [2] + [2] * rng.randint(0, 2):
        paragraphs.append(" ".join(sentences[start:start + size]))
        start += size
        if start >= len(sentences):
            break
    for link in links:
        paragraphs[-1] += f" Readers who like it should also read about {link}."
    return "\n\n".join(paragraphs)


def entry_facts(rng, kind, entry):
    if kind == "labels":
        facts = [("Country", entry["country"]), ("City", entry["city"]), ("Founded", str(entry["year"])),
                 ("Founders", f"{person(rng)}, {person(rng)}"),
                 ("Genres", ", ".join(rng.sample(GENRES, rng.randint(1, 3))))]
        if rng.random() < 0.6:
            facts.append(("Artists", ", ".join(f"{rng.choice(WORD_A)} {rng.choice(WORD_B)}" for _ in range(3))))
        facts.append(("Website", f"https://www.{entry['slug']}.example"))
    elif kind == "venues":
        capacity = rng.choice([f"{rng.randint(1, 30) * 50:,}", f"{rng.randint(2, 9) * 100:,}-{rng.randint(10, 40) * 100:,}"])
        facts = [("Country", entry["country"]), ("City", entry["city"]), ("Opened", str(entry["year"])),
                 ("Capacity", capacity)]
        if rng.random() < 0.5:
            facts.append(("Former use", rng.choice(FORMER_USE)))
        facts.append(("Website", f"https://{entry['slug']}.example"))
    elif kind == "associations":
        territories = [entry["country"]] + rng.sample([c for c in COUNTRIES if c != entry["country"]], rng.randint(0, 2))
        facts = [("Full name", f"Independent Music Association of {' and '.join(territories)}"),
                 ("Territories", ", ".join(territories)), ("Founded", str(entry["year"])),
                 ("Joined IMPALA", str(min(entry["year"] + rng.randint(1, 15), 2025))),
                 ("Members", f"{rng.randint(10, 2500):,}")]
    else:
        facts = [("Year", str(entry["year"]))]
        if rng.random() < 0.3:
            facts.append(("Years", f"{entry['year']}, {min(entry['year'] + 1, 2025)}"))
    return facts


def generate(out, articles, entries_per_article, seed, kinds_yml):
    rng = random.Random(seed)
    names = {
        "labels": Names(rng, WORD_A, WORD_B, LABEL_SUFFIX),
        "venues": Names(rng, WORD_A, WORD_B, VENUE_SUFFIX),
        "associations": Names(rng, [a + b for a, b in itertools.product("ABCDFGHKMNPRSTUV", repeat=2)],
                              ["Indie", "Musik", "Música", "Zvuk", "Hudba", "Muzyka"]),
        "milestones": Names(rng, WORD_A, WORD_B, EVENTS),
    }
    (out / "articles").mkdir(parents=True, exist_ok=True)
    shutil.copy(kinds_yml, out / "kinds.yml")
    today = datetime.date.today()
    month = datetime.date(today.year, today.month, 1)
    published_entries, countries_with_entries = [], set()
    plans = []
    for index in range(articles):
        month = (month - datetime.timedelta(days=1)).replace(day=1)
        plans.append((index, month))
    # Oldest first, so that links point back to entries of articles published earlier.
    for index, published in reversed(plans):
        kind = KIND_CYCLE[index % len(KIND_CYCLE)]
        number = articles - index
        article_slug = f"{kind}-volume-{number}"
        entries = []
        for _ in range(entries_per_article):
            name = names[kind].take()
            country = rng.choice(COUNTRIES)
            entry = {"name": name, "slug": slug(name), "kind": kind, "year": rng.randint(1950, 2020)}
            if kind != "milestones":
                entry.update(country=country, city=rng.choice(CITIES[country]))
            entries.append(entry)
        lines = ["---",
                 f"title: Twenty {PLURAL[kind]} worth knowing, volume {number}",
                 f"kind: {kind}",
                 f"published: {published.isoformat()}",
                 f"summary: Volume {number} of the series, with twenty more {PLURAL[kind]} from across Europe, "
                 f"from {entries[0]['name']} to {entries[-1]['name']}.",
                 "---", ""]
        intro = (f"Here is volume {number} of our tour of independent {PLURAL[kind]}. Each of the twenty has its "
                 f"own story, told below in alphabetical order.")
        if published_entries:
            earlier = rng.choice(published_entries)
            intro += f" If you missed the previous volume, start with [{earlier['name']}](/{earlier['kind']}/{earlier['slug']})."
        lines += [intro, ""]
        for position, entry in enumerate(sorted(entries, key=lambda e: e["slug"])):
            links = []
            if published_entries and rng.random() < 0.3:
                target = rng.choice(published_entries)
                links.append(f"[{target['name']}](/{target['kind']}/{target['slug']})")
            if countries_with_entries and rng.random() < 0.1:
                country = rng.choice(sorted(countries_with_entries))
                links.append(f"[what else {country} has to offer](/countries/{slug(country)})")
            if position > 0 and rng.random() < 0.1:
                links.append(f"[the article this entry belongs to](/series/{article_slug})")
            lines += [f"## {entry['name']}", ""]
            lines += [f"- **{key}:** {value}" for key, value in entry_facts(rng, kind, entry)]
            lines += ["", prose(rng, entry, links), ""]
        path = out / "articles" / f"{published:%Y-%m}-{article_slug}.md"
        path.write_text("\n".join(lines), encoding="utf-8")
        published_entries += entries
        countries_with_entries.update(e["country"] for e in entries if "country" in e)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", nargs="?", type=pathlib.Path, help="folder to write (becomes a content folder)")
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--entries", type=int, default=20, help="entries per article")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kinds", type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parents[2] / "content" / "kinds.yml")
    parser.add_argument("--slug", help="print the slug the site makes of this name, and stop")
    args = parser.parse_args()
    if args.slug is not None:
        print(slug(args.slug))
        return
    if args.out is None:
        parser.error("give the folder to write")
    generate(args.out, args.articles, args.entries, args.seed, args.kinds)


if __name__ == "__main__":
    main()
