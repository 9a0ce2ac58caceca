package extract

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"finexport/extract/textgrid"
)

// The HTML samples under testdata/html are the three sample releases
// written again by hand the way filing agents write an EX-99.1 (spans,
// "$" cells, negatives split over two cells, header rows with colspans,
// spacer, filler and hidden cells, borders as rules). They must give the
// figures typed by hand from the text versions, row for row; only the
// lines differ, so rows are matched by label, in order, within the tables
// of each kind in order.
func TestHTMLSamplesMatchHandTypedExpectations(t *testing.T) {
	for _, name := range []string{"000_bb2e246abcbfccf3", "001_0a551a66bcd04f48", "002_841493e996f58f0e"} {
		t.Run(name, func(t *testing.T) {
			doc := "../testdata/html/" + name + ".htm"
			requireHTML(t, doc)
			got := parseFile(t, doc)
			text := parseFile(t, "../testdata/filings/"+name+".txt")

			// The metadata the text version gives (itself held by the
			// golden dumps), and any the expectations state; and, as for
			// the text version, nothing to warn about.
			checkMeta(t, metaOf(text), got)
			if len(got.Diagnostics) != 0 {
				t.Errorf("diagnostics: %v", got.Diagnostics)
			}

			figures := "../testdata/expected/" + name + ".figures"
			if _, err := os.Stat(figures); os.IsNotExist(err) {
				// A release without statements (a financing): none may be
				// read, and the text version has none either.
				for _, tb := range got.Tables {
					if tb.Kind == Income || tb.Kind == Balance || tb.Kind == CashFlow {
						t.Errorf("table %d at line %d read as a %s statement", tb.Index, tb.StartLine, tb.Kind)
					}
				}
				if len(got.Tables) != 0 {
					t.Errorf("%d tables read in a release of prose and a contact block", len(got.Tables))
				}
			} else {
				want := readFigures(t, figures)
				checkMeta(t, want.meta, got)
				checkFiguresByLabel(t, want, got)
			}

			// The prose says the same in both versions: the same figures,
			// items, units and periods (the sentences may differ in their
			// quotation marks).
			if g, w := proseFacts(got), proseFacts(text); strings.Join(g, "\n") != strings.Join(w, "\n") {
				t.Errorf("prose facts differ from the text version's:\n got: %s\nwant: %s", strings.Join(g, "\n      "), strings.Join(w, "\n      "))
			}
		})
	}
}

// requireHTML fails unless the document is read as HTML: a sample the
// text reader took would prove nothing.
func requireHTML(t *testing.T, path string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines, _, err := textgrid.Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	sub := splitSubmission(lines)
	if len(sub.docs) != 1 || !looksLikeHTML(sub.docs[0]) {
		t.Fatalf("%s is not read as one HTML document", filepath.Base(path))
	}
}

// checkFiguresByLabel holds a filing to hand-typed figures whose line
// numbers belong to another version of the document: the k-th expected
// table of a kind is the k-th table of that kind read, and each expected
// row is the next row of the table with its label.
func checkFiguresByLabel(t *testing.T, want wantFiling, got *Filing) {
	t.Helper()
	if len(got.Tables) != len(want.tables) {
		t.Errorf("found %d tables, want %d", len(got.Tables), len(want.tables))
	}
	byKind := map[Statement][]*Table{}
	for _, tb := range got.Tables {
		byKind[tb.Kind] = append(byKind[tb.Kind], tb)
	}
	seen := map[Statement]int{}
	for _, wt := range want.tables {
		k := seen[wt.kind]
		seen[wt.kind]++
		if k >= len(byKind[wt.kind]) {
			t.Errorf("no %s table number %d (the text's at line %d)", wt.kind, k+1, wt.line)
			continue
		}
		gt := byKind[wt.kind][k]
		checkTableShape(t, wt, gt)
		next := 0
		for _, wr := range wt.rows {
			at := -1
			for i := next; i < len(gt.Rows); i++ {
				if gt.Rows[i].Label == wr.label && gt.Rows[i].LabelInferred == wr.inferred {
					at = i
					break
				}
			}
			if at < 0 {
				t.Errorf("%s table: no row %q (inferred %v) after row %d; the text's line %d", wt.kind, wr.label, wr.inferred, next, wr.line)
				continue
			}
			checkRow(t, wr, &gt.Rows[at], gt)
			next = at + 1
		}
	}
}

// proseFacts lists a filing's prose figures by what they say, sorted.
func proseFacts(f *Filing) []string {
	var out []string
	for _, x := range f.Facts {
		if x.Table < 0 {
			out = append(out, strings.Join([]string{string(x.Statement), x.Item, x.Value.String(), string(x.Unit), x.Period.Key()}, " "))
		}
	}
	sort.Strings(out)
	return out
}
