package main

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"finexport/extract"
	"finexport/extract/model"
	"finexport/pdfreport"
	"finexport/workbook"
)

// FuzzPipeline runs the whole path on a small input: extract, model,
// workbook, PDF. Nothing panics; a document either fails to parse with an
// input error or renders.
func FuzzPipeline(f *testing.F) {
	for _, p := range []string{"../../testdata/filings/000_bb2e246abcbfccf3.txt", "../../testdata/variants/sunrise_52week_q1.txt"} {
		if raw, err := os.ReadFile(p); err == nil {
			f.Add(raw)
		}
	}
	f.Add([]byte("ACME CORP. (NYSE: ACM)\n\n<TABLE>\n          Three Months Ended\n             March 31,\n          2004     2003\nNet revenues   $ 1,000   $ 900\nNet loss   (5)   (3)\n</TABLE>\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) > 1<<15 {
			return
		}
		fl, err := (&extract.Parser{}).Parse(bytes.NewReader(raw), "fuzz.txt")
		if errors.Is(err, extract.ErrInternal) {
			t.Fatalf("panic in the parser: %v", err)
		}
		if err != nil {
			return
		}
		for _, c := range model.Build([]*extract.Filing{fl}, model.Options{}) {
			if err := workbook.Write(&bytes.Buffer{}, c); err != nil {
				t.Fatalf("workbook: %v", err)
			}
			if err := pdfreport.Write(&bytes.Buffer{}, c, pdfreport.Options{}); err != nil {
				t.Fatalf("pdf: %v", err)
			}
		}
	})
}
