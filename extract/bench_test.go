package extract_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
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

// BenchmarkExtractSamples reads the three bundled sample releases.
func BenchmarkExtractSamples(b *testing.B) {
	var docs [][]byte
	var size int64
	for _, n := range []string{"000_bb2e246abcbfccf3.txt", "001_0a551a66bcd04f48.txt", "002_841493e996f58f0e.txt"} {
		raw, err := os.ReadFile("../testdata/filings/" + n)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, raw)
		size += int64(len(raw))
	}
	p := &extract.Parser{}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, d := range docs {
			if _, err := p.Parse(bytes.NewReader(d), fmt.Sprint(j)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkRepeatedTables reads releases of many small statements that
// repeat one period, with different figures (2,000 of them is about 0.7
// MB) and with the same figures: the duplicate check is one pass, so the
// speed (MB/s) stays flat as the tables grow, where comparing every pair
// made 2 million warnings and took 8 minutes for 5,000 identical tables.
func BenchmarkRepeatedTables(b *testing.B) {
	for _, differ := range []bool{true, false} {
		for _, n := range []int{1000, 2000, 4000, 8000} {
			b.Run(fmt.Sprintf("differ=%t/tables=%d", differ, n), func(b *testing.B) {
				var doc strings.Builder
				doc.WriteString("Acme Widgets Inc. reports.\n\n")
				for i := 0; i < n; i++ {
					revenue := 1000
					if differ {
						revenue += i
					}
					fmt.Fprintf(&doc, "                CONSOLIDATED STATEMENTS OF OPERATIONS\n<TABLE>\n                     Three Months Ended March 31,\n                          2004        2003\n")
					fmt.Fprintf(&doc, "Net revenues             %5d       1,000\nNet income                 100          90\n</TABLE>\n\n", revenue)
				}
				benchParse(b, doc.String())
			})
		}
	}
}

// BenchmarkRepeatedProse reads releases whose one claim-making sentence
// repeats beside a statement (5,000 times is about 0.6 MB): each claim
// looks up its items, so the speed stays flat as the sentences grow.
func BenchmarkRepeatedProse(b *testing.B) {
	for _, n := range []int{2500, 5000, 10000, 20000} {
		b.Run(fmt.Sprintf("sentences=%d", n), func(b *testing.B) {
			var doc strings.Builder
			doc.WriteString("Acme Widgets Inc. reports.\n\n                CONSOLIDATED STATEMENTS OF OPERATIONS\n<TABLE>\n")
			doc.WriteString("                     Three Months Ended March 31,\n                          2004        2003\n")
			doc.WriteString("Net revenues             2,500       2,350\nNet income                 100          90\n</TABLE>\n\n")
			for i := 0; i < n; i++ {
				doc.WriteString("Net revenues for the three months ended March 31, 2004 were $2,500, compared with $2,350 a year earlier.\n\n")
			}
			benchParse(b, doc.String())
		})
	}
}

// benchParse parses one release per iteration, counting its bytes.
func benchParse(b *testing.B, src string) {
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := (&extract.Parser{}).Parse(strings.NewReader(src), "w.txt"); err != nil {
			b.Fatal(err)
		}
	}
}
