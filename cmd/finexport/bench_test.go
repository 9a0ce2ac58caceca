package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"finexport/extract"
	"finexport/extract/model"
	"finexport/extract/synthetic"
	"finexport/pdfreport"
	"finexport/workbook"
)

// BenchmarkBatch runs finexport build on generated releases of 100
// companies: the cost per release shows how the batch grows.
func BenchmarkBatch(b *testing.B) {
	for _, n := range []int{100, 1000, 5000} {
		b.Run(fmt.Sprintf("releases=%d", n), func(b *testing.B) {
			in := b.TempDir()
			var size int64
			for _, d := range synthetic.Generate(1, 100, n) {
				if err := os.WriteFile(filepath.Join(in, d.Name), d.Data, 0o644); err != nil {
					b.Fatal(err)
				}
				size += int64(len(d.Data))
			}
			b.SetBytes(size)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				out := filepath.Join(b.TempDir(), "out")
				if code := run([]string{"build", "-quiet", "-o", out, in}, os.Stdout, os.Stderr); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*n), "ms/release")
		})
	}
}

// BenchmarkHugeRelease takes a 20 MB release with 100,000 table rows
// through every output, and reports the peak memory the runtime took.
func BenchmarkHugeRelease(b *testing.B) {
	doc := synthetic.Big(1, 100000, 170)
	b.SetBytes(int64(len(doc.Data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := (&extract.Parser{MaxSize: 64 << 20}).Parse(bytes.NewReader(doc.Data), doc.Name)
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range model.Build([]*extract.Filing{f}, model.Options{}) {
			if err := workbook.Write(io.Discard, c); err != nil {
				b.Fatal(err)
			}
			if err := pdfreport.Write(io.Discard, c, pdfreport.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.Sys>>20), "MB-runtime")
}
