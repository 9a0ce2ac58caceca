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

// BenchmarkRepeatedTables reads 2,000 small statements that repeat one
// period with different figures (about 0.7 MB): the duplicate check is one
// pass, so the cost grows with the file, not with the square of its tables.
func BenchmarkRepeatedTables(b *testing.B) {
	var doc strings.Builder
	doc.WriteString("Acme Widgets Inc. reports.\n\n")
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&doc, "                CONSOLIDATED STATEMENTS OF OPERATIONS\n<TABLE>\n                     Three Months Ended March 31,\n                          2004        2003\n")
		fmt.Fprintf(&doc, "Net revenues             %5d       1,000\nNet income                 100          90\n</TABLE>\n\n", 1000+i)
	}
	src := doc.String()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := (&extract.Parser{}).Parse(strings.NewReader(src), "w.txt"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRepeatedProse reads a release whose one claim-making sentence
// repeats 5,000 times beside a statement (about 0.6 MB): each claim looks
// up its items, so the cost grows with the file.
func BenchmarkRepeatedProse(b *testing.B) {
	var doc strings.Builder
	doc.WriteString("Acme Widgets Inc. reports.\n\n                CONSOLIDATED STATEMENTS OF OPERATIONS\n<TABLE>\n")
	doc.WriteString("                     Three Months Ended March 31,\n                          2004        2003\n")
	doc.WriteString("Net revenues             2,500       2,350\nNet income                 100          90\n</TABLE>\n\n")
	for i := 0; i < 5000; i++ {
		doc.WriteString("Net revenues for the three months ended March 31, 2004 were $2,500, compared with $2,350 a year earlier.\n\n")
	}
	src := doc.String()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := (&extract.Parser{}).Parse(strings.NewReader(src), "w.txt"); err != nil {
			b.Fatal(err)
		}
	}
}
