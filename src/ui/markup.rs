//! Static markup written as one string, for views that never change once shown (a printed brief,
//! the guide, a chart): one call per element instead of a reactive view per element keeps the
//! page's code small. Every text and attribute value is escaped here, so callers pass plain text.

/// A string of markup under construction.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    /// Appends `text` with the characters that mean markup in HTML escaped.
    #[inline(never)]
    pub fn text(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                c => self.0.push(c),
            }
        }
        self
    }

    /// Opens `<tag name="value" …>`.
    #[inline(never)]
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            self.text(value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    #[inline(never)]
    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// `<tag …>text</tag>`.
    #[inline(never)]
    pub fn el(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    pub fn finish(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_and_attributes_are_escaped() {
        let mut m = Markup::default();
        m.open("p", &[("class", "a\"b"), ("data-x", "<&>")]).text("Müller & <Söhne>").close("p");
        m.el("li", &[], "\"quoted\"");
        assert_eq!(
            m.finish(),
            "<p class=\"a&quot;b\" data-x=\"&lt;&amp;&gt;\">Müller &amp; &lt;Söhne&gt;</p><li>&quot;quoted&quot;</li>"
        );
    }
}
