package pdfreport

import (
	"bytes"
	"testing"

	"finexport/extract"
	"finexport/extract/model"
	"finexport/extract/synthetic"
)

// BenchmarkPDF renders the summary of one company with 40 releases.
func BenchmarkPDF(b *testing.B) {
	var fs []*extract.Filing
	for _, d := range synthetic.Generate(1, 1, 40) {
		f, err := (&extract.Parser{}).Parse(bytes.NewReader(d.Data), d.Name)
		if err != nil {
			b.Fatal(err)
		}
		fs = append(fs, f)
	}
	c := model.Build(fs, model.Options{})[0]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Write(&bytes.Buffer{}, c, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
