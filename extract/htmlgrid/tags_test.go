package htmlgrid

import "testing"

// Every tag the walker reads by name gets one id, the same each time,
// and its flags; the flag sets are the tag lists as HTML defines them.
func TestTagIDs(t *testing.T) {
	sets := map[tagFlag][]string{
		void:     {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source", "param", "embed"},
		unseen:   {"title", "style", "script", "noscript", "template", "iframe", "noembed", "noframes"},
		block:    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "center", "blockquote", "pre", "hr", "dl", "dt", "dd", "section", "article", "header", "footer"},
		rowGroup: {"thead", "tbody", "tfoot"},
	}
	names := []string{"td", "th", "sup", "span", "font", "b", "i", "u", "a", "sub", "colgroup", "strong", "em", "small", "big",
		"html", "head", "body", "caption", "ix:nonfraction", "ix:header", "o:p", "x"}
	for _, set := range sets {
		names = append(names, set...)
	}
	w := newWalker(nil)
	ids := map[tagID]string{}
	for _, name := range names {
		id := w.tagOf([]byte(name))
		if other, ok := ids[id]; ok && other != name {
			t.Errorf("%s and %s share id %d", name, other, id)
		}
		ids[id] = name
		if again := w.tagOf([]byte(name)); again != id {
			t.Errorf("%s: id %d, then %d", name, id, again)
		}
		for flag, set := range sets {
			want := false
			for _, s := range set {
				want = want || s == name
			}
			if id.is(flag) != want {
				t.Errorf("%s: flag %b is %v, want %v", name, flag, id.is(flag), want)
			}
		}
	}
	for id, want := range map[tagID]string{tagP: "p", tagDiv: "div", tagTable: "table", tagTr: "tr", tagTd: "td", tagTh: "th",
		tagThead: "thead", tagTbody: "tbody", tagTfoot: "tfoot", tagPre: "pre", tagSup: "sup", tagCenter: "center"} {
		if ids[id] != want {
			t.Errorf("id %d is %q, want %q", id, ids[id], want)
		}
	}
}
