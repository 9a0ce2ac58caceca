package model

import (
	"strconv"
	"strings"

	"finexport/extract"
)

// Sources are shown in files meant to be passed on: a document is named
// by its base name, never by the folders it was read from on this
// machine, and a filing the SEC header identifies by its CIK and
// accession number, with its place on EDGAR.

// DocName is a document's name without its folders: "q2.txt" for
// "../repo/testdata/q2.txt" (or a Windows path).
func DocName(file string) string {
	return file[strings.LastIndexAny(file, `/\`)+1:]
}

// SourceName is a source as "q2.txt:61".
func SourceName(s extract.Source) string {
	return DocName(s.File) + ":" + strconv.Itoa(s.Line)
}

// Name is the document's name without its folders.
func (d Document) Name() string { return DocName(d.File) }

// Filing identifies the filing on EDGAR, "CIK 812074, accession
// 0000950134-04-001234"; "" unless both are known.
func (d Document) Filing() string {
	if d.FilingURL() == "" {
		return ""
	}
	return "CIK " + cikNumber(d.CIK) + ", accession " + d.Accession
}

// FilingURL is the filing's folder on EDGAR,
// https://www.sec.gov/Archives/edgar/data/CIK/ACCESSION-WITHOUT-DASHES/;
// "" unless the CIK and accession number are known and well formed.
func (d Document) FilingURL() string {
	cik, acc := cikNumber(d.CIK), strings.ReplaceAll(d.Accession, "-", "")
	if cik == "" || len(acc) != 18 || !isNumber(acc) {
		return ""
	}
	return "https://www.sec.gov/Archives/edgar/data/" + cik + "/" + acc + "/"
}

// cikNumber is a CIK without its leading zeros, as EDGAR's paths write
// it; "" when it is no number.
func cikNumber(cik string) string {
	cik = strings.TrimLeft(strings.TrimSpace(cik), "0")
	if !isNumber(cik) {
		return ""
	}
	return cik
}

// isNumber reports a string of ASCII digits that fits 64 bits.
func isNumber(s string) bool {
	if s == "" { // the common case (no SEC header): no error to make
		return false
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

// DocumentOf returns the document a source file is, if the company was
// built from it.
func (c *Company) DocumentOf(file string) (Document, bool) {
	for _, d := range c.Documents {
		if d.File == file {
			return d, true
		}
	}
	return Document{}, false
}
