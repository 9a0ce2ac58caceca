package model_test

import (
	"bytes"
	"testing"

	"finexport/extract"
	"finexport/extract/model"
	"finexport/extract/synthetic"
)

func filings(b *testing.B, companies, releases int) []*extract.Filing {
	b.Helper()
	var out []*extract.Filing
	for _, d := range synthetic.Generate(1, companies, releases) {
		f, err := (&extract.Parser{}).Parse(bytes.NewReader(d.Data), d.Name)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

// BenchmarkModel merges 40 quarterly releases of one company: naming,
// derivation, comparisons, metrics and checks.
func BenchmarkModel(b *testing.B) {
	fs := filings(b, 1, 40)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		model.Build(fs, model.Options{})
	}
}
