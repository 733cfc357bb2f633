//! Markdown → a flat list of blocks (headings, paragraphs, lists, code) with typed inline text.
//! Raw HTML is dropped, unsafe links are removed, and relative links are made absolute.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::context::{DiagnosticSink, PageContext};
use crate::diagnostics::{Code, Severity};
use crate::rich::{Inline, RichText};

/// Deepest list or emphasis nesting kept; anything deeper is flattened into its parent.
pub const MAX_DEPTH: usize = 8;

/// A block of the page body, in source order.
#[derive(Debug, Clone)]
pub enum Block {
    /// `#`…`######` heading.
    Heading {
        /// 1–6.
        depth: u8,
        /// Heading text.
        text: RichText,
        /// 1-based line.
        line: u32,
    },
    /// A paragraph (also a table row, a quoted paragraph).
    Paragraph {
        /// Paragraph text.
        text: RichText,
        /// 1-based line.
        line: u32,
    },
    /// A bullet or numbered list.
    List {
        /// Top-level bullets.
        items: Vec<ListItem>,
    },
    /// A fenced or indented code block.
    Code {
        /// Info string (`mermaid`), empty if none.
        info: String,
        /// The code.
        text: String,
        /// 1-based line of the opening fence.
        line: u32,
    },
}

/// A bullet with its text and nested bullets: the model's item, read as the page's own.
pub type ListItem = crate::model::Item;

/// Inline content being collected, innermost last.
enum Frame {
    Root(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Link(String, Vec<Inline>),
}

impl Frame {
    fn children(&mut self) -> &mut Vec<Inline> {
        match self {
            Frame::Root(c) | Frame::Emphasis(c) | Frame::Strong(c) | Frame::Link(_, c) => c,
        }
    }
}

/// Collects the inline events of one heading, paragraph or bullet at a time into a [`RichText`].
/// While no run is started, what it is given is ignored (text outside any block).
struct InlineBuilder {
    stack: Vec<Frame>,
    /// Text not yet given to the innermost frame: consecutive text events join here, in one
    /// buffer kept across runs, and each text node is allocated once, at its final size.
    pending: String,
    /// 1-based line where the current run starts; `None` when no run is being collected.
    line: Option<u32>,
}

impl InlineBuilder {
    fn new() -> Self {
        InlineBuilder {
            stack: vec![Frame::Root(Vec::new())],
            pending: String::new(),
            line: None,
        }
    }

    fn children(&mut self) -> &mut Vec<Inline> {
        self.stack.last_mut().expect("root frame").children()
    }

    /// Adds a node to the innermost frame. Most runs hold a single node, so a frame's first node
    /// gets room for exactly one (the default would be four): the page's model stays a quarter of
    /// the size in memory, which the reader's speed depends on more than on the rare regrowth.
    fn push_child(&mut self, inline: Inline) {
        let children = self.children();
        if children.capacity() == 0 {
            children.reserve_exact(1);
        }
        children.push(inline);
    }

    /// Gives the pending text, if any, to the innermost frame as one text node.
    fn flush(&mut self) {
        if !self.pending.is_empty() {
            let text = Inline::Text(self.pending.as_str().to_owned());
            self.pending.clear();
            self.push_child(text);
        }
    }

    /// Moves `inlines` (a dropped frame's content) into the innermost frame; if that frame then
    /// ends with text, it becomes the pending text again, so text that follows joins it.
    fn splice(&mut self, mut inlines: Vec<Inline>) {
        let children = self.children();
        children.append(&mut inlines);
        match children.pop() {
            Some(Inline::Text(text)) => self.pending = text,
            Some(other) => children.push(other),
            None => {}
        }
    }

    /// Whether a run is being collected.
    fn is_active(&self) -> bool {
        self.line.is_some()
    }

    /// Appends text, turning each run of whitespace into one space as it goes.
    fn push_text(&mut self, text: &str) {
        if !self.is_active() {
            return;
        }
        let pending = &mut self.pending;
        let mut after_space = pending.ends_with(' ');
        if text == " " {
            // A soft line break or a cell separator: the most common text of all.
            if !after_space {
                pending.push(' ');
            }
            return;
        }
        let needs_collapsing = needs_collapsing(text.as_bytes(), after_space);
        if !needs_collapsing {
            pending.push_str(text);
            return;
        }
        for c in text.chars() {
            if c.is_whitespace() {
                if !after_space {
                    pending.push(' ');
                    after_space = true;
                }
            } else {
                pending.push(c);
                after_space = false;
            }
        }
    }

    fn push(&mut self, inline: Inline) {
        if !self.is_active() {
            return;
        }
        self.flush();
        self.push_child(inline);
    }

    fn open(&mut self, frame: Frame) {
        if !self.is_active() {
            return;
        }
        self.flush();
        if self.stack.len() > MAX_DEPTH {
            // Too deep: keep the text, drop the markup, so the stack stays bounded.
            self.stack.push(Frame::Emphasis(Vec::new()));
            return;
        }
        self.stack.push(frame);
    }

    fn close(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        self.flush();
        let frame = self.stack.pop().expect("checked length");
        let depth_exceeded = self.stack.len() > MAX_DEPTH;
        let inline = match frame {
            Frame::Emphasis(c) if depth_exceeded => {
                self.splice(c);
                return;
            }
            Frame::Emphasis(c) => Inline::Emphasis(c),
            Frame::Strong(c) => Inline::Strong(c),
            Frame::Link(href, c) if href.is_empty() => {
                self.splice(c);
                return;
            }
            Frame::Link(href, c) => Inline::Link { href, children: c },
            Frame::Root(c) => Inline::Emphasis(c),
        };
        self.push(inline);
    }

    /// Starts collecting a run that begins on `line`, dropping anything unfinished.
    fn start(&mut self, line: u32) {
        self.stack.clear();
        self.stack.push(Frame::Root(Vec::new()));
        self.pending.clear();
        self.line = Some(line);
    }

    /// The collected run and its line, if one was started; the builder is then idle.
    fn finish(&mut self) -> Option<(RichText, u32)> {
        let line = self.line?;
        self.flush();
        while self.stack.len() > 1 {
            self.close();
        }
        let children = match self.stack.pop() {
            Some(Frame::Root(children)) => children,
            _ => Vec::new(),
        };
        self.stack.push(Frame::Root(Vec::new()));
        self.line = None;
        Some((RichText(trim_inlines(children)), line))
    }
}

/// Whether `bytes`, appended after a space when `after_space`, holds whitespace to collapse.
fn needs_collapsing(bytes: &[u8], after_space: bool) -> bool {
    (after_space && bytes.first() == Some(&b' ')) || crate::rich::has_irregular_space(bytes, false)
}

/// Trims the run's leading and trailing space (inner runs were collapsed while building) and
/// drops empty text nodes.
fn trim_inlines(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(first)) = inlines.first_mut() {
        if first.starts_with(' ') {
            first.remove(0);
        }
    }
    if let Some(Inline::Text(last)) = inlines.last_mut() {
        if last.ends_with(' ') {
            last.pop();
        }
    }
    inlines.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    inlines
}

/// Where a paragraph's inline content goes once the paragraph ends.
enum Container {
    Body,
    Item,
}

/// Paragraph texts of a block run, copied.
pub fn paragraphs(blocks: &[Block]) -> Vec<RichText> {
    paragraphs_with_lines(blocks)
        .map(|(t, _)| t.clone())
        .collect()
}

/// Paragraphs of a block run with their lines.
pub fn paragraphs_with_lines(blocks: &[Block]) -> impl Iterator<Item = (&RichText, u32)> + Clone {
    blocks.iter().filter_map(|block| match block {
        Block::Paragraph { text, line } => Some((text, *line)),
        _ => None,
    })
}

/// Reads the markdown `body` (starting at byte `offset` of the page) and hands each block, in page
/// order, to `emit`.
pub fn read(
    body: &str,
    offset: usize,
    context: &PageContext,
    sink: &mut DiagnosticSink,
    mut emit: impl FnMut(Block),
) {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let parser = Parser::new_ext(body, options).into_offset_iter();
    let mut builder = InlineBuilder::new();
    let mut items: Vec<ListItem> = Vec::new();
    let mut lists: Vec<Vec<ListItem>> = Vec::new();
    let mut code: Option<(String, String, u32)> = None;
    let mut heading_depth = 0u8;
    let mut container = Container::Body;

    for (event, range) in parser {
        let at = offset + range.start;
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading_depth = level as u8;
                builder.start(sink.line(at));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((text, line)) = builder.finish() {
                    emit(Block::Heading {
                        depth: heading_depth,
                        text,
                        line,
                    });
                }
            }
            Event::Start(Tag::Paragraph) | Event::Start(Tag::TableCell) => {
                if builder.is_active() {
                    builder.push_text(" ");
                } else {
                    builder.start(sink.line(at));
                }
            }
            Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::TableRow)
            | Event::End(TagEnd::TableHead) => {
                if matches!(container, Container::Item) {
                    continue;
                }
                if let Some((text, line)) = builder.finish() {
                    if !text.is_blank() {
                        emit(Block::Paragraph { text, line });
                    }
                }
            }
            Event::End(TagEnd::TableCell) => {
                builder.push_text(" | ");
            }
            Event::Start(Tag::List(_)) => {
                if let Some((text, _)) = builder.finish() {
                    if let Some(item) = items.last_mut() {
                        append(&mut item.text, text);
                    }
                }
                lists.push(Vec::new());
            }
            Event::End(TagEnd::List(_)) => {
                let finished = lists.pop().unwrap_or_default();
                let too_deep = items.len() > MAX_DEPTH;
                if let Some(parent) = items.last_mut() {
                    if too_deep {
                        let flattened = finished.into_iter().flat_map(flatten);
                        parent.children.extend(flattened);
                        sink.report(
                            at,
                            Severity::Info,
                            Code::TooDeep,
                            "bullets nested deeper than 8 levels were flattened",
                        );
                    } else if parent.children.is_empty() {
                        parent.children = finished;
                    } else {
                        parent.children.extend(finished);
                    }
                } else if !finished.is_empty() {
                    emit(Block::List { items: finished });
                }
                if lists.is_empty() {
                    container = Container::Body;
                }
            }
            Event::Start(Tag::Item) => {
                container = Container::Item;
                let line = sink.line(at);
                items.push(ListItem {
                    line,
                    ..ListItem::default()
                });
                builder.start(line);
            }
            Event::End(TagEnd::Item) => {
                let mut item = items.pop().unwrap_or_default();
                if let Some((text, _)) = builder.finish() {
                    append(&mut item.text, text);
                }
                if let Some(list) = lists.last_mut() {
                    list.push(item);
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.trim().to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((info, String::new(), sink.line(at)));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((info, text, line)) = code.take() {
                    emit(Block::Code { info, text, line });
                }
            }
            Event::Text(text) => {
                if let Some((_, code_text, _)) = code.as_mut() {
                    code_text.push_str(&text);
                } else {
                    builder.push_text(&text);
                }
            }
            Event::Code(text) => {
                builder.push(Inline::Code(text.to_string()));
            }
            Event::SoftBreak | Event::HardBreak => {
                builder.push_text(" ");
            }
            Event::Start(Tag::Emphasis) => builder.open(Frame::Emphasis(Vec::new())),
            Event::Start(Tag::Strong) => builder.open(Frame::Strong(Vec::new())),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let href = context.resolve_link(&dest_url).unwrap_or_else(|scheme| {
                    sink.unsafe_link(at, &scheme);
                    String::new()
                });
                builder.open(Frame::Link(href, Vec::new()));
            }
            Event::Start(Tag::Image { .. }) | Event::Start(Tag::Strikethrough) => {
                builder.open(Frame::Emphasis(Vec::new()));
            }
            Event::End(TagEnd::Emphasis)
            | Event::End(TagEnd::Strong)
            | Event::End(TagEnd::Link)
            | Event::End(TagEnd::Image)
            | Event::End(TagEnd::Strikethrough) => {
                builder.close();
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let trimmed = html.trim_start();
                let is_comment = trimmed.starts_with("<!--") || trimmed.starts_with("-->");
                let is_anchor = trimmed.starts_with("<a ")
                    || trimmed.starts_with("</a")
                    || trimmed.starts_with("<br")
                    || trimmed.starts_with("</");
                if !is_comment && !is_anchor && !trimmed.is_empty() {
                    let tag: String = trimmed
                        .chars()
                        .take_while(|c| !c.is_whitespace() && *c != '>')
                        .take(20)
                        .collect();
                    sink.report(
                        at,
                        Severity::Info,
                        Code::RawHtml,
                        &format!("raw HTML `{tag}>` is not shown; write it as markdown"),
                    );
                }
            }
            _ => {}
        }
    }
}

/// Appends `more` to `text`, with a space between them.
fn append(text: &mut RichText, more: RichText) {
    if more.0.is_empty() {
        return;
    }
    if text.0.is_empty() {
        *text = more;
        return;
    }
    {
        text.0.push(Inline::Text(" ".to_owned()));
    }
    text.0.extend(more.0);
}

/// An item and its descendants as one flat run of items.
fn flatten(mut item: ListItem) -> Vec<ListItem> {
    let children = std::mem::take(&mut item.children);
    let mut out = vec![item];
    out.extend(children.into_iter().flat_map(flatten));
    out
}
