package synthetic

import (
	"bytes"
	"testing"

	"finexport/extract"
)

// Generated releases are valid input: every table ties out and every
// figure is read.
func TestGeneratedReleasesTieOut(t *testing.T) {
	docs := Generate(1, 12, 48)
	if len(docs) != 48 {
		t.Fatalf("%d docs", len(docs))
	}
	for _, d := range docs {
		f, err := (&extract.Parser{}).Parse(bytes.NewReader(d.Data), d.Name)
		if err != nil {
			t.Fatalf("%s: %v", d.Name, err)
		}
		if len(f.Tables) != 2 || f.Company != d.Company {
			t.Errorf("%s: %d tables, company %q", d.Name, len(f.Tables), f.Company)
		}
		ties := 0
		for _, c := range f.Checks {
			if c.Status != extract.Pass {
				t.Errorf("%s: %s %s failed: %s vs %s", d.Name, c.Name, c.Period, c.Stated, c.Computed)
			}
			if c.Kind == extract.TieOut {
				ties++
			}
		}
		if ties < 10 {
			t.Errorf("%s: only %d tie-outs ran", d.Name, ties)
		}
		for _, dg := range f.Diagnostics {
			t.Errorf("%s: %v", d.Name, dg)
		}
	}
}

func TestSameSeedSameReleases(t *testing.T) {
	a, b := Generate(7, 5, 20), Generate(7, 5, 20)
	for i := range a {
		if !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("release %d differs", i)
		}
	}
}
