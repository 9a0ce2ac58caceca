package model

import (
	"bytes"
	"path/filepath"
	"testing"

	"finexport/extract"
)

// TestConsumeBuildsTheSame: a build that takes the filings' facts and
// checks and drops them from the filings makes the same company (its dump:
// timeline, plan, metrics and checks) as one that leaves them, on the
// samples (releases that restate one another) and the variants.
func TestConsumeBuildsTheSame(t *testing.T) {
	sets := map[string]func() []*extract.Filing{
		"samples": func() []*extract.Filing { return samples(t) },
	}
	variants, _ := filepath.Glob("../../testdata/variants/*")
	if len(variants) == 0 {
		t.Fatal("no variants under testdata/variants")
	}
	sets["variants"] = func() []*extract.Filing {
		var out []*extract.Filing
		for _, v := range variants {
			out = append(out, parse(t, v))
		}
		return out
	}
	for name, read := range sets {
		var want, got bytes.Buffer
		for _, c := range Build(read(), Options{}) {
			Dump(&want, c)
		}
		filings := read()
		for _, c := range Build(filings, Options{Consume: true}) {
			Dump(&got, c)
		}
		if !bytes.Equal(want.Bytes(), got.Bytes()) {
			t.Errorf("%s: a consuming build differs", name)
		}
		for _, f := range filings {
			if f.Facts != nil || f.Checks != nil {
				t.Errorf("%s: %s keeps its facts or checks", name, f.File)
			}
		}
	}
}
