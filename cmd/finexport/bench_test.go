package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"finexport/extract/synthetic"
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
