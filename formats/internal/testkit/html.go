package testkit

import (
	"iter"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ParseHTML parses a page the way a browser does, failing the test if it
// does not parse.
func ParseHTML(t testing.TB, doc string) *html.Node {
	t.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("the page does not parse: %v", err)
	}
	return root
}

// HTMLNodes returns the elements below n that match.
func HTMLNodes(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && match(d) {
			out = append(out, d)
		}
	}
	return out
}

// HTMLAttr is the value of n's attribute key, or "" if it has none.
func HTMLAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// HTMLHasClass reports whether class is one of n's classes.
func HTMLHasClass(n *html.Node, class string) bool {
	return slices.Contains(strings.Fields(HTMLAttr(n, "class")), class)
}

// HTMLElem matches the elements a, of the class when class is not empty.
func HTMLElem(a atom.Atom, class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.DataAtom == a && (class == "" || HTMLHasClass(n, class)) }
}

// HTMLTextOf is the text of n as a browser holds it (entities decoded).
func HTMLTextOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// HTMLIDs returns the element ids below root, failing the test for each
// id that is used twice.
func HTMLIDs(t testing.TB, root *html.Node) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	for _, n := range HTMLNodes(root, func(n *html.Node) bool { return HTMLAttr(n, "id") != "" }) {
		id := HTMLAttr(n, "id")
		if ids[id] {
			t.Errorf("element id %q is used twice", id)
		}
		ids[id] = true
	}
	return ids
}

// HTMLLoads matches the elements that run, fetch or send something: a
// self-contained page has none of them.
func HTMLLoads(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Link, atom.Img, atom.Iframe, atom.Object, atom.Embed, atom.Video, atom.Audio, atom.Source, atom.Base, atom.Form:
		return true
	}
	return false
}

// HTMLAttrs yields every attribute of every element below root, with its
// element.
func HTMLAttrs(root *html.Node) iter.Seq2[*html.Node, html.Attribute] {
	return func(yield func(*html.Node, html.Attribute) bool) {
		for n := range root.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			for _, a := range n.Attr {
				if !yield(n, a) {
					return
				}
			}
		}
	}
}

// CheckNoEventHandlers fails the test for each event handler attribute
// (onload, onclick, …) below root.
func CheckNoEventHandlers(t testing.TB, root *html.Node) {
	t.Helper()
	for n, a := range HTMLAttrs(root) {
		if strings.HasPrefix(a.Key, "on") {
			t.Errorf("<%s> has an event handler %s", n.Data, a.Key)
		}
	}
}

// CheckCSSFetchesNothing fails the test for each way the style sheet css
// could fetch something or name an address: url(, @import, http:, https:
// and @font-face, in any case.
func CheckCSSFetchesNothing(t testing.TB, css string) {
	t.Helper()
	css = strings.ToLower(css)
	for _, bad := range []string{"url(", "@import", "http:", "https:", "@font-face"} {
		if strings.Contains(css, bad) {
			t.Errorf("the style sheet contains %q", bad)
		}
	}
}
