package workbook

import (
	"bytes"
	"testing"

	"finexport/extract"
	"finexport/extract/model"
	"finexport/extract/synthetic"
)

// BenchmarkWorkbook renders one company with 40 quarterly releases; the
// per-sheet metric divides by its period sheets.
func BenchmarkWorkbook(b *testing.B) {
	var fs []*extract.Filing
	for _, d := range synthetic.Generate(1, 1, 40) {
		f, err := (&extract.Parser{}).Parse(bytes.NewReader(d.Data), d.Name)
		if err != nil {
			b.Fatal(err)
		}
		fs = append(fs, f)
	}
	c := model.Build(fs, model.Options{})[0]
	sheets := len(planLayout(c).periods)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Write(&bytes.Buffer{}, c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*sheets), "µs/period-sheet")
}
