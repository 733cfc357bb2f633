//! Inheritance phrases ("All of the responsibilities listed for X", "All [requirements of the
//! management role](#requirements) plus:", "Extends that of the X responsibilities", …) resolved into
//! inherited items, matched to levels by meaning (normalised words) rather than exact wording.

use super::context::{DiagnosticSink, PageContext};
use super::page_phrases::{PagePhrase, PhrasesFound};
use crate::diagnostics::{Code, Severity};
use crate::model::{Family, Inheritance, ListKind, Origin};
use crate::rich::{Inline, Needle, RichText};
use crate::words::{key_of_words, similarity, similarity_with_typos, title_key, words};
use foldhash::{HashMap, HashMapExt};

/// Where a phrase points.
#[derive(Debug, Clone, PartialEq)]
enum Source {
    Family,
    Level(usize),
}

/// Replaces every resolvable inheritance phrase in the family's levels by a reference to the list
/// it names ([`Level::inherits`](crate::model::Level::inherits)); the items are not copied.
pub fn resolve(family: &mut Family, context: &PageContext, sink: &mut DiagnosticSink) {
    let page = context.phrases();
    let prose_may_inherit = [
        PagePhrase::InAdditionToTheSame,
        PagePhrase::HasAllTheSame,
        PagePhrase::RoleExtendsThe,
    ]
    .iter()
    .any(|&phrase| page.has(phrase));
    let mut keys = LevelKeys::default();
    for l in 0..family.levels.len() {
        for kind in ListKind::ALL {
            let phrase_at = family.levels[l]
                .list(kind)
                .iter()
                .take(2)
                .position(|item| is_inheritance_phrase(&item.text, page));
            let Some(position) = phrase_at else { continue };
            let phrase = family.levels[l].list(kind)[position].clone();
            match find_source(family, &mut keys, l, &phrase.text) {
                Some(source) => {
                    let from = origin_of(family, &source);
                    let level = &mut family.levels[l];
                    level.list_mut(kind).remove(position);
                    level.inherits.push(Inheritance { list: kind, from });
                }
                None => sink.report_line(
                    phrase.line,
                    Severity::Warning,
                    Code::UnresolvedInheritance,
                    &format!("\"{}\" names no level or list this page has; the sentence is kept as written", phrase.text.plain()),
                ),
            }
        }
        // "In addition to the same requirements, responsibilities … defined above for the X" in prose.
        let summaries = if prose_may_inherit {
            family.levels[l].summary.len()
        } else {
            0
        };
        for p in 0..summaries {
            let paragraph = &family.levels[l].summary[p];
            // Each phrase below says "same" or "extends".
            const SAME: Needle = Needle::new("same");
            const EXTENDS: Needle = Needle::new("extends");
            if !paragraph.mentions(&SAME) && !paragraph.mentions(&EXTENDS) {
                continue;
            }
            let lower = paragraph.plain().to_ascii_lowercase();
            let extends_role = lower.contains("role extends the");
            if !(lower.starts_with("in addition to the same")
                || lower.contains("has all the same")
                || extends_role)
            {
                continue;
            }
            // Family-wide lists already apply to every level; only level-to-level inheritance is kept.
            let Some(Source::Level(from)) = find_source(family, &mut keys, l, paragraph) else {
                continue;
            };
            let from = origin_of(family, &Source::Level(from));
            let names_no_list = ListKind::ALL.iter().all(|&k| !lower.contains(k.stem()));
            let level = &mut family.levels[l];
            for kind in ListKind::ALL {
                let named = names_no_list || lower.contains(kind.stem());
                if named && !level.inherits.iter().any(|i| i.list == kind) {
                    level.inherits.push(Inheritance {
                        list: kind,
                        from: from.clone(),
                    });
                }
            }
        }
    }
}

/// The first non-blank text of a run, looking inside emphasis and links.
fn first_text(inlines: &[Inline]) -> Option<&str> {
    inlines.iter().find_map(|inline| match inline {
        Inline::Text(text) | Inline::Code(text) if !text.trim().is_empty() => Some(text.as_str()),
        Inline::Text(_) | Inline::Code(_) => None,
        Inline::Emphasis(children) | Inline::Strong(children) => first_text(children),
        Inline::Link { children, .. } => first_text(children),
    })
}

/// Whether a bullet or lead sentence says "everything from X, plus". `page` is what the whole
/// page says: a sentence can only say a phrase its page says.
pub fn is_inheritance_phrase(text: &RichText, page: PhrasesFound) -> bool {
    // Every phrase opens the text or says "has all the same" / "role extends the".
    const MIDDLE_OPENERS: [PagePhrase; 2] = [PagePhrase::HasAllTheSame, PagePhrase::RoleExtendsThe];
    let first_word = first_text(&text.0).map_or("", |t| {
        let t = t.trim_start();
        &t[..t
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(t.len())]
    });
    let may_open = ["all", "extends", "includes", "in"]
        .iter()
        .any(|opener| first_word.eq_ignore_ascii_case(opener));
    let says_middle_opener = || {
        MIDDLE_OPENERS
            .iter()
            .any(|&opener| page.has(opener) && text.mentions(&opener.needle()))
    };
    if !may_open && !says_middle_opener() {
        return false;
    }
    const LIST_NAMES: [Needle; 3] = [
        Needle::new(ListKind::Responsibilities.stem()),
        Needle::new(ListKind::Requirements.stem()),
        Needle::new(ListKind::NiceToHaves.stem()),
    ];
    let names_list = LIST_NAMES.iter().any(|w| text.mentions(w));
    if !names_list {
        return false;
    }
    let lower = text.plain().to_ascii_lowercase();
    if lower.split_whitespace().count() > 30 {
        return false;
    }
    let names_list = ListKind::ALL.iter().any(|k| lower.contains(k.stem()));
    let opener = lower.starts_with("all of the ")
        || lower.starts_with("all ")
        || lower.starts_with("extends ")
        || lower.starts_with("includes ")
        || lower.starts_with("in addition to the same")
        || lower.contains("has all the same")
        || lower.contains("role extends the");
    names_list && opener
}

/// Most levels a fuzzy name is compared with; beyond it, only levels sharing the name's rarest
/// word are (real pages have a few dozen levels at most; this keeps a huge page linear).
const FUZZY_LIMIT: usize = 512;

/// The levels of a family by title, indexed on first use and kept for every phrase of the page
/// (titles do not change while phrases are resolved).
#[derive(Default)]
struct LevelKeys(Option<KeyIndex>);

struct KeyIndex {
    /// Title key of each level.
    keys: Vec<Vec<String>>,
    /// The first two levels of each title key (two, so one that is not the current level is there).
    exact: HashMap<Vec<String>, Vec<usize>>,
    /// The levels whose title key has each word.
    by_word: HashMap<String, Vec<usize>>,
    /// Each level by its slug.
    by_slug: HashMap<String, usize>,
}

impl LevelKeys {
    fn get(&mut self, family: &Family) -> &KeyIndex {
        self.0.get_or_insert_with(|| {
            let keys: Vec<Vec<String>> =
                family.levels.iter().map(|l| title_key(&l.title)).collect();
            let mut exact: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
            let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
            for (l, key) in keys.iter().enumerate() {
                let first = exact.entry(key.clone()).or_default();
                if first.len() < 2 {
                    first.push(l);
                }
                for word in key {
                    by_word.entry(word.clone()).or_default().push(l);
                }
            }
            let by_slug = family
                .levels
                .iter()
                .enumerate()
                .map(|(l, level)| (level.slug.clone(), l))
                .collect();
            KeyIndex {
                keys,
                exact,
                by_word,
                by_slug,
            }
        })
    }
}

impl KeyIndex {
    /// The other level (than `current`) whose title shares the most words with `name`
    /// (Jaccard ≥ 0.5; the earlier level on a tie).
    fn best_level(&self, current: usize, name: &str) -> Option<usize> {
        let wanted = title_key(name);
        if wanted.is_empty() {
            return None;
        }
        if let Some(levels) = self.exact.get(&wanted) {
            if let Some(&l) = levels.iter().find(|&&l| l != current) {
                return Some(l);
            }
        }
        let all: Vec<usize>;
        let candidates: &[usize] = if self.keys.len() <= FUZZY_LIMIT {
            all = (0..self.keys.len()).collect();
            &all
        } else {
            let rarest = wanted
                .iter()
                .filter_map(|w| self.by_word.get(w))
                .min_by_key(|levels| levels.len())?;
            &rarest[..rarest.len().min(FUZZY_LIMIT)]
        };
        candidates
            .iter()
            .filter(|&&l| l != current)
            .map(|&l| (l, similarity_with_typos(&wanted, &self.keys[l])))
            .filter(|&(_, score)| score >= 0.5)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(l, _)| l)
    }
}

/// The level or family list a phrase names.
fn find_source(
    family: &Family,
    keys: &mut LevelKeys,
    current: usize,
    text: &RichText,
) -> Option<Source> {
    // A link's text may name the level: "role extends the [Senior X](#requirements) role".
    for inline in &text.0 {
        if let Inline::Link { href, children } = inline {
            if let Some(anchor) = href.strip_prefix('#') {
                if let Some(l) = keys.get(family).by_slug.get(anchor).copied() {
                    return (l != current).then_some(Source::Level(l));
                }
                if matches!(
                    anchor,
                    "requirements" | "responsibilities" | "nice-to-haves"
                ) {
                    return Some(Source::Family);
                }
                let name = crate::rich::plain_of(children);
                if let Some(l) = keys.get(family).best_level(current, &name) {
                    return Some(Source::Level(l));
                }
                return Some(Source::Family);
            }
        }
    }
    let plain = text.plain();
    let lower = plain.to_ascii_lowercase();
    if let Some(name) = named_role(&plain, &lower) {
        let found = keys
            .get(family)
            .best_level(current, &name)
            .or_else(|| best_level_spelling_out_initials(family, current, &name));
        if let Some(l) = found {
            return Some(Source::Level(l));
        }
    }
    // "All responsibilities of previous roles plus": the level before this one.
    if lower.contains("previous") && current > 0 {
        return Some(Source::Level(current - 1));
    }
    let generic = lower.contains("above")
        || lower.contains("base-level")
        || lower.contains("base level")
        || lower.contains("management role")
        || lower.contains("all roles");
    if generic {
        if ListKind::ALL.iter().any(|&k| !family.list(k).is_empty()) {
            return Some(Source::Family);
        }
        if current > 0 {
            return Some(Source::Level(current - 1));
        }
    }
    None
}

/// The role a phrase names: the words after its last "listed for", "for a", "of the", "for the", "extends the".
fn named_role(plain: &str, lower: &str) -> Option<String> {
    // On a tie (one place), the later, longer marker wins: "extends the" over "extends", " of
    // the " over " of ".
    let markers = [
        "extends ",
        " of ",
        " listed for ",
        " for a ",
        " for an ",
        " for the ",
        " of the ",
        "extends that of the ",
        "extends the ",
        " as the ",
    ];
    let (at, marker) = markers
        .iter()
        .filter_map(|m| lower.rfind(m).map(|i| (i, *m)))
        .max_by_key(|(i, _)| *i)?;
    let start = at + marker.len();
    let rest = &plain[start..];
    // The name runs to the list the phrase names ("… Trust and Safety responsibilities, plus"),
    // so commas and abbreviations ("Sr.") inside it are kept; else to the first punctuation.
    let end = ListKind::ALL
        .iter()
        .filter_map(|kind| lower[start..].find(kind.stem()))
        .min()
        .unwrap_or_else(|| rest.find([';', '.', ':', ',']).unwrap_or(rest.len()));
    let mut name = rest[..end].trim().to_owned();
    for tail in [" plus", " responsibilities", " requirements", " role"] {
        if let Some(i) = name.to_ascii_lowercase().find(tail) {
            name.truncate(i);
        }
    }
    let name = name.trim().to_owned();
    (!name.is_empty()).then_some(name)
}

/// [`KeyIndex::best_level`] where a short word of `name` may be the initials of consecutive
/// words of a level's title ("Staff TPM" names "Staff Technical Program Manager"). Only on pages
/// of at most [`FUZZY_LIMIT`] levels.
fn best_level_spelling_out_initials(family: &Family, current: usize, name: &str) -> Option<usize> {
    if family.levels.len() > FUZZY_LIMIT {
        return None;
    }
    let wanted = words(name);
    let is_initialism =
        |w: &String| (2..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase());
    if !wanted.iter().any(is_initialism) {
        return None;
    }
    let mut best: Option<(usize, f64)> = None;
    for (l, level) in family.levels.iter().enumerate() {
        if l == current {
            continue;
        }
        let title = words(&level.title);
        let mut spelled: Vec<String> = Vec::with_capacity(wanted.len() + 4);
        for word in &wanted {
            let window = is_initialism(word)
                .then(|| {
                    title.windows(word.len()).find(|window| {
                        window
                            .iter()
                            .zip(word.bytes())
                            .all(|(w, c)| w.as_bytes()[0] == c)
                    })
                })
                .flatten();
            match window {
                Some(window) => spelled.extend(window.iter().cloned()),
                None => spelled.push(word.clone()),
            }
        }
        let score = similarity(&key_of_words(spelled), &key_of_words(title));
        if score >= 0.5 && best.is_none_or(|(_, s)| score > s) {
            best = Some((l, score));
        }
    }
    best.map(|(l, _)| l)
}

/// The origin items taken over from `source` are shown with.
fn origin_of(family: &Family, source: &Source) -> Origin {
    match source {
        Source::Family => Origin::Family,
        Source::Level(l) => {
            let level = &family.levels[*l];
            Origin::Level {
                slug: level.slug.clone(),
                title: level.title.clone(),
            }
        }
    }
}
