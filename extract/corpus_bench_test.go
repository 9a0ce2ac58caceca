package extract

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"golang.org/x/net/html"
)

// corpusBytes reads every corpus file of a kind into memory.
func corpusBytes(b *testing.B, kind string) ([][]byte, int64) {
	var docs [][]byte
	var size int64
	for _, name := range corpusFiles(b, kind) {
		raw, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		docs, size = append(docs, raw), size+int64(len(raw))
	}
	return docs, size
}

// BenchmarkCorpus extracts every real filing of the corpus from memory, on
// one core: the MB/s column is the extraction throughput on real EDGAR
// text and HTML. BenchmarkCorpusFloor and BenchmarkCorpusHTMLParse give
// the floors it is measured against.
func BenchmarkCorpus(b *testing.B) {
	for _, kind := range []string{"text", "html"} {
		b.Run(kind, func(b *testing.B) {
			docs, size := corpusBytes(b, kind)
			p := &Parser{}
			b.SetBytes(size)
			for b.Loop() {
				for i, d := range docs {
					if _, err := p.Parse(bytes.NewReader(d), fmt.Sprint(i)); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkCorpusFloor scans every byte of the corpus once, as the least
// any reader must do: it counts lines and digits.
func BenchmarkCorpusFloor(b *testing.B) {
	for _, kind := range []string{"text", "html"} {
		b.Run(kind, func(b *testing.B) {
			docs, size := corpusBytes(b, kind)
			b.SetBytes(size)
			n := 0
			for b.Loop() {
				for _, d := range docs {
					for _, c := range d {
						if c == '\n' || c >= '0' && c <= '9' {
							n++
						}
					}
				}
			}
			if n == 0 {
				b.Fatal("nothing scanned")
			}
		})
	}
}

// BenchmarkCorpusHTMLParse builds the x/net/html tree of every HTML
// filing, the floor for the HTML reader.
func BenchmarkCorpusHTMLParse(b *testing.B) {
	docs, size := corpusBytes(b, "html")
	b.SetBytes(size)
	for b.Loop() {
		for _, d := range docs {
			if _, err := html.Parse(bytes.NewReader(d)); err != nil {
				b.Fatal(err)
			}
		}
	}
}
