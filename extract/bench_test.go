package extract_test

import (
	"bytes"
	"testing"

	"finexport/extract"
	"finexport/extract/synthetic"
)

// BenchmarkExtract reads generated releases of varied layouts and scales;
// the MB/s column is extraction throughput on one core.
func BenchmarkExtract(b *testing.B) {
	docs := synthetic.Generate(1, 50, 200)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Data))
	}
	p := &extract.Parser{}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := p.Parse(bytes.NewReader(d.Data), d.Name); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkExtractLarge reads one release with a 20,000-row table.
func BenchmarkExtractLarge(b *testing.B) {
	d := synthetic.Big(1, 20000, 0)
	p := &extract.Parser{MaxSize: 1 << 30}
	b.SetBytes(int64(len(d.Data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := p.Parse(bytes.NewReader(d.Data), d.Name); err != nil {
			b.Fatal(err)
		}
	}
}
