package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"finexport/extract/synthetic"
)

// corpusAndLongTables: generated long tables and every corpus filing, by
// name.
func corpusAndLongTables(t *testing.T) map[string][]byte {
	docs := map[string][]byte{}
	for seed := int64(1); seed <= 3; seed++ {
		d := synthetic.Big(seed, 300, 60)
		docs[d.Name] = d.Data
	}
	for _, sub := range []string{"text", "html"} {
		for _, path := range corpusFiles(t, sub) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			docs[filepath.Base(path)] = data
		}
	}
	return docs
}

// TestParseFactsStreamsTheSameFacts: the facts ParseFacts hands out one
// row at a time are the facts Parse keeps, in the same order, with the
// same messages; the filing keeps no fact and no check.
func TestParseFactsStreamsTheSameFacts(t *testing.T) {
	for name, data := range corpusAndLongTables(t) {
		kept, err1 := (&Parser{}).Parse(bytes.NewReader(data), name)
		var streamed []Fact
		f, err2 := (&Parser{}).ParseFacts(bytes.NewReader(data), name, func(g *Filing, x []Fact) {
			if g.SHA256 == "" || g.File != name {
				t.Errorf("%s: facts handed out with filing %q, SHA-256 %q", name, g.File, g.SHA256)
			}
			streamed = append(streamed, x...)
		})
		if err1 != nil || err2 != nil {
			if (err1 == nil) != (err2 == nil) {
				t.Errorf("%s: errors %v and %v", name, err1, err2)
			}
			continue
		}
		if !reflect.DeepEqual(kept.Facts, streamed) && !(len(kept.Facts) == 0 && len(streamed) == 0) {
			t.Errorf("%s: %d facts streamed, %d kept, or not the same", name, len(streamed), len(kept.Facts))
		}
		if !reflect.DeepEqual(SortDiagnostics(kept.Diagnostics), SortDiagnostics(f.Diagnostics)) || kept.Company != f.Company {
			t.Errorf("%s: streaming changed the messages or the company", name)
		}
		if f.Facts != nil || f.Checks != nil {
			t.Errorf("%s: a streamed filing keeps facts or checks", name)
		}
	}
}

// TestDropRowsKeepsFactsAndChecks: a parser that lets the tables' rows go
// once read gives the same facts, checks and messages as one that keeps
// them, on generated long tables and every corpus filing, and keeps no
// row.
func TestDropRowsKeepsFactsAndChecks(t *testing.T) {
	for name, data := range corpusAndLongTables(t) {
		kept, err1 := (&Parser{}).Parse(bytes.NewReader(data), name)
		dropped, err2 := (&Parser{DropRows: true}).Parse(bytes.NewReader(data), name)
		if err1 != nil || err2 != nil {
			if (err1 == nil) != (err2 == nil) {
				t.Errorf("%s: errors %v and %v", name, err1, err2)
			}
			continue
		}
		// Messages are compared as printed: sorted (the scale warnings of
		// one line come in no fixed order).
		sameMessages := reflect.DeepEqual(SortDiagnostics(kept.Diagnostics), SortDiagnostics(dropped.Diagnostics))
		if !reflect.DeepEqual(kept.Facts, dropped.Facts) || !reflect.DeepEqual(kept.Checks, dropped.Checks) ||
			!sameMessages || len(kept.Tables) != len(dropped.Tables) {
			t.Errorf("%s: dropping rows changed the facts, checks, messages or tables", name)
		}
		for _, tb := range dropped.Tables {
			if tb.Rows != nil {
				t.Errorf("%s: table %d keeps %d rows", name, tb.Index, len(tb.Rows))
			}
		}
	}
}
