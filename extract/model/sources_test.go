package model

import "testing"

func TestDocumentNamesAndFilings(t *testing.T) {
	for _, tt := range []struct {
		doc          Document
		name, filing string
		url          string
	}{
		{Document{File: "../repo/testdata/q2.txt"}, "q2.txt", "", ""},
		{Document{File: `C:\filings\q2.txt`}, "q2.txt", "", ""},
		{Document{File: "q2.txt", CIK: "0000812345", Accession: "0000950134-03-015501"}, "q2.txt",
			"CIK 812345, accession 0000950134-03-015501", "https://www.sec.gov/Archives/edgar/data/812345/000095013403015501/"},
		{Document{File: "a/b.nc", CIK: "0000812345"}, "b.nc", "", ""},                             // no accession
		{Document{File: "b.txt", CIK: "x12", Accession: "0000950134-03-015501"}, "b.txt", "", ""}, // no CIK number
		{Document{File: "b.txt", CIK: "12", Accession: "0000950134-03-01550"}, "b.txt", "", ""},   // 17 digits
	} {
		if got := tt.doc.Name(); got != tt.name {
			t.Errorf("%q: name %q, want %q", tt.doc.File, got, tt.name)
		}
		if got := tt.doc.Filing(); got != tt.filing {
			t.Errorf("%q: filing %q, want %q", tt.doc.File, got, tt.filing)
		}
		if got := tt.doc.FilingURL(); got != tt.url {
			t.Errorf("%q: url %q, want %q", tt.doc.File, got, tt.url)
		}
	}
}
