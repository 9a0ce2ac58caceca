package extract

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
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

// A first pass that reads only the company names the same company and
// ticker as a full reading, on every real filing and sample: a batch
// groups its releases by them.
func TestCompanyOnlyNamesTheSameCompany(t *testing.T) {
	files := append(corpusFiles(t, "text"), corpusFiles(t, "html")...)
	for _, dir := range []string{"../testdata/filings", "../testdata/variants", "../testdata/html"} {
		more, _ := filepath.Glob(filepath.Join(dir, "*.*"))
		files = append(files, more...)
	}
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		full, err := (&Parser{}).Parse(bytes.NewReader(raw), name)
		if err != nil {
			continue // an input error is the same either way
		}
		light, err := (&Parser{CompanyOnly: true}).Parse(bytes.NewReader(raw), name)
		if err != nil {
			t.Errorf("%s: company-only: %v", name, err)
			continue
		}
		if light.Company != full.Company || light.Ticker != full.Ticker || light.SHA256 != full.SHA256 {
			t.Errorf("%s: company-only reads %q (%s), a full reading %q (%s)", name, light.Company, light.Ticker, full.Company, full.Ticker)
		}
		if len(light.Tables) != 0 || len(light.Facts) != 0 {
			t.Errorf("%s: company-only read %d tables, %d facts", name, len(light.Tables), len(light.Facts))
		}
	}
}
