package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"finexport/extract/synthetic"
)

// TestDropRowsKeepsFactsAndChecks: a parser that lets the tables' rows go
// once read gives the same facts, checks and messages as one that keeps
// them, on generated long tables and every corpus filing, and keeps no
// row.
func TestDropRowsKeepsFactsAndChecks(t *testing.T) {
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
	for name, data := range docs {
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
