package workbook

import (
	"os"
	"path/filepath"
	"testing"

	"finexport/extract"
	"finexport/extract/model"

	"github.com/shopspring/decimal"
)

// corpusDir is the real EDGAR corpus beside the repository. Without it
// the corpus tests are skipped, unless FINEXPORT_REQUIRE_CORPUS=1 (CI).
const corpusDir = "../../shared/corpus"

// The workbooks of real filings recalculate in LibreOffice to the values
// they carry, with no error value in any cell: plain-text submissions in
// millions and in thousands, and HTML exhibits in thousands and millions.
func TestLibreOfficeRecalculatesCorpusWorkbooks(t *testing.T) {
	for _, tt := range []struct {
		doc   string
		scale int64 // of its statements
	}{
		{"text/ibm-1998-10-Q-mar.txt", 1_000_000},
		{"text/akamai-2000-10-Q-mar.txt", 1_000},
		{"html/doximity-fy2026q3-ex991.htm", 1_000},
		{"html/ebay-2017q4-ex991.htm", 1_000_000},
	} {
		path := filepath.Join(corpusDir, tt.doc)
		if _, err := os.Stat(path); err != nil {
			if os.Getenv("FINEXPORT_REQUIRE_CORPUS") == "1" {
				t.Fatalf("corpus filing missing (FINEXPORT_REQUIRE_CORPUS=1): %v", err)
			}
			t.Skipf("no corpus: %v", err)
		}
		t.Run(filepath.Base(tt.doc), func(t *testing.T) {
			f := parseFile(t, path)
			if !statedIn(f, decimal.NewFromInt(tt.scale)) {
				t.Fatalf("no statement of %s is in units of %d", tt.doc, tt.scale)
			}
			companies := model.Build([]*extract.Filing{f}, model.Options{})
			if len(companies) != 1 {
				t.Fatalf("%d companies", len(companies))
			}
			_, formulas := recalculatesToCache(t, companies[0])
			t.Logf("%d formulas agree", formulas)
			if formulas < 50 {
				t.Errorf("only %d formulas checked", formulas)
			}
		})
	}
}

// statedIn reports a filing with a statement in the given scale.
func statedIn(f *extract.Filing, scale decimal.Decimal) bool {
	for _, tb := range f.Tables {
		if tb.Kind != extract.Other && tb.Scale.Equal(scale) {
			return true
		}
	}
	return false
}
