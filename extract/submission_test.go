package extract

import (
	"strings"
	"testing"
)

func TestSubmissionHeader(t *testing.T) {
	tests := []struct {
		name, doc                         string
		form, cik, company, period, filed string
		fye                               string
		types                             []string
	}{
		{
			name: "PEM header",
			doc: "-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n<SEC-DOCUMENT>0000891618-98-005328.txt : 19981215\n" +
				"ACCESSION NUMBER:\t\t0000891618-98-005328\nCONFORMED SUBMISSION TYPE:\t10-Q\nCONFORMED PERIOD OF REPORT:\t19981031\n" +
				"FILED AS OF DATE:\t\t19981215\n\nFILER:\n\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tINTUIT INC\n" +
				"\t\tCENTRAL INDEX KEY:\t\t\t0000896878\n\t\tFISCAL YEAR END:\t\t\t0731\n</SEC-HEADER>\n" +
				"<DOCUMENT>\n<TYPE>10-Q\n<TEXT>\nbody\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-27.1\n<TEXT>\n<TOTAL-ASSETS> 1\n</TEXT>\n</DOCUMENT>\n",
			form: "10-Q", cik: "0000896878", company: "INTUIT INC", period: "1998-10-31", filed: "1998-12-15", fye: "07-31",
			types: []string{"10-Q", "EX-27.1"},
		},
		{
			name: "dissemination (.nc) header",
			doc: "<SUBMISSION>\n<ACCESSION-NUMBER>0000732715-99-000042\n<TYPE>10-Q\n<PERIOD>19990630\n<FILING-DATE>19990803\n<FILER>\n<COMPANY-DATA>\n" +
				"<CONFORMED-NAME>INDIANA BELL TELEPHONE CO INC\n<CIK>0000050178\n<FISCAL-YEAR-END>1231\n</COMPANY-DATA>\n</FILER>\n" +
				"<DOCUMENT>\n<TYPE>10-Q\n<SEQUENCE>1\n<TEXT>\n<PAGE>cover\nbody\n</TEXT>\n</DOCUMENT>\n",
			form: "10-Q", cik: "0000050178", company: "INDIANA BELL TELEPHONE CO INC", period: "1999-06-30", filed: "1999-08-03", fye: "12-31",
			types: []string{"10-Q"},
		},
		{
			name: "two filers: the one the documents name",
			doc: "CONFORMED SUBMISSION TYPE:\t8-K\nFILED AS OF DATE:\t\t20000323\nFILER:\n\tCOMPANY CONFORMED NAME:\t\t\tGENERAL INSTRUMENT CORP\n" +
				"\tCENTRAL INDEX KEY:\t\t\t0000040656\nFILER:\n\tCOMPANY CONFORMED NAME:\t\t\tMOTOROLA INC\n\tCENTRAL INDEX KEY:\t\t\t0000068505\n" +
				"<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nMotorola, Inc. announced ... Motorola ...\n</TEXT>\n</DOCUMENT>\n",
			form: "8-K", cik: "0000068505", company: "MOTOROLA INC", filed: "2000-03-23",
			types: []string{"8-K"},
		},
		{
			name:  "a bare document has no header",
			doc:   "ACME CORP. REPORTS RESULTS\n\nNet sales rose.\n",
			types: []string{""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := splitSubmission(linesOf(tt.doc))
			h := sub.header
			got := []string{h.Form, h.CIK, h.Company, dateText(h.Period.Format(isoDate), h.Period.IsZero()), dateText(h.Filed.Format(isoDate), h.Filed.IsZero()),
				dateText(h.FiscalYearEnd.Format("01-02"), h.FiscalYearEnd.IsZero())}
			want := []string{tt.form, tt.cik, tt.company, tt.period, tt.filed, tt.fye}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("header %q, want %q", got, want)
			}
			var types []string
			for _, d := range sub.docs {
				types = append(types, d.Type)
			}
			if strings.Join(types, ",") != strings.Join(tt.types, ",") {
				t.Errorf("documents %q, want %q", types, tt.types)
			}
		})
	}
}

func dateText(s string, zero bool) string {
	if zero {
		return ""
	}
	return s
}

func linesOf(doc string) []line {
	var out []line
	for i, s := range strings.Split(doc, "\n") {
		out = append(out, line{N: i + 1, Text: s})
	}
	return out
}

func TestReadableDocuments(t *testing.T) {
	for typ, want := range map[string]bool{"": true, "10-Q": true, "10-K405": true, "8-K/A": true, "EX-99.1": true, "EX-13": true,
		"EX-13.4": true, "EX-20.1": true, "EX-27": false, "EX-27.1": false, "EX-10.3": false, "EX-23": false, "GRAPHIC": false} {
		if got := readable(typ); got != want {
			t.Errorf("readable(%q) = %v, want %v", typ, got, want)
		}
	}
}

func TestExhibitUnderAnotherNumberIsReadWhenItHoldsAStatement(t *testing.T) {
	statements := "EXHIBIT A\n\nConsolidated balance sheets as at December 31, 1994 and 1993\n\n<TABLE>\n<CAPTION>\n"
	contract := "The Seller shall deliver its consolidated balance sheets and statements of income\n" +
		"as of the Closing Date, as follows:\n\n<TABLE>\n<CAPTION>\n"
	for _, tt := range []struct {
		typ, text string
		want      bool
	}{
		{"EX-15", statements, true},
		{"EX-10.1", contract, false},
		{"EX-27", statements, false},
		{"EX-23", "Consent of independent accountants\n", false},
	} {
		d := document{Type: tt.typ, Lines: linesOf(tt.text)}
		if got := readableDocument(d); got != tt.want {
			t.Errorf("readableDocument(%s %q) = %v, want %v", tt.typ, tt.text[:30], got, tt.want)
		}
	}
}

func TestSameCompany(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"INTEL CORP", "Intel Corporation", true},
		{"APPLE COMPUTER INC", "Apple Computer, Inc.", true},
		{"BRIGHTWATER FOODS CORP", "Brightwater Foods Corp.", true},
		{"AMAZON COM INC", "Junglee Corp.", false},
		{"", "", false},
	} {
		if got := sameCompany(tt.a, tt.b); got != tt.want {
			t.Errorf("sameCompany(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestUnescapeDash(t *testing.T) {
	for in, want := range map[string]string{
		"- ------------":   "  ------------",
		"- -0- 03/05/2002": "  -0- 03/05/2002",
		"-  (1,234)":       "-  (1,234)",
		"Net sales - net":  "Net sales - net",
	} {
		if got := unescapeDash(in); got != want {
			t.Errorf("unescapeDash(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCompanyNames(t *testing.T) {
	for text, want := range map[string]string{
		"CISCO SYSTEMS TO ACQUIRE COMBINET INC. SAN JOSE, Calif. -- Cisco Systems Inc. announced": "Cisco Systems Inc.",
		"ACME CORP. REPORTS FOURTH QUARTER RESULTS":                                               "ACME CORP.",
		"an agreement between Alpha Holdings and Beta Widgets Inc. was signed":                    "",
	} {
		if got := companyName(text); got != want {
			t.Errorf("companyName(%q) = %q, want %q", text, got, want)
		}
	}
	for in, want := range map[string]string{"QUALCOMM INC/DE": "QUALCOMM INC", "VERISIGN INC/CA": "VERISIGN INC", "AT&T CORP": "AT&T CORP", "INTEL CORP /DE/": "INTEL CORP", "A/S NORDIC": "A/S NORDIC"} {
		if got := withoutStateSuffix(in); got != want {
			t.Errorf("withoutStateSuffix(%q) = %q, want %q", in, got, want)
		}
	}
}
