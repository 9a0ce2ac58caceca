package extract

import (
	"strings"
	"testing"
)

// Diagnostics print as go/scanner prints its ErrorList: sorted by file,
// line and message, one per line and cause, each with its source line
// under it, trimmed, cleaned and cut.
func TestWriteDiagnostics(t *testing.T) {
	long := strings.Repeat("abcdefghij", 12) // 120 characters
	tests := []struct {
		name string
		in   []Diagnostic
		want string
	}{
		{name: "none", want: ""},
		{name: "sorted by file, line, message",
			in: []Diagnostic{
				{File: "b.txt", Line: 2, Severity: Warning, Msg: "second", Text: "  row two  "},
				{File: "a.txt", Line: 9, Severity: Warning, Msg: "later", Text: "row nine"},
				{File: "a.txt", Line: 3, Severity: Note, Msg: "zeta", Text: "row three"},
				{File: "a.txt", Line: 3, Severity: Warning, Msg: "alpha", Text: "row three"},
			},
			want: "a.txt:3: warning: alpha\na.txt:3: note: zeta\n\trow three\na.txt:9: warning: later\n\trow nine\nb.txt:2: warning: second\n\trow two\n"},
		{name: "one cause at one line once, the gravest kept",
			in: []Diagnostic{
				{File: "a.txt", Line: 3, Severity: Note, Msg: "same", Text: "row"},
				{File: "a.txt", Line: 3, Severity: Warning, Msg: "same", Text: "row"},
				{File: "a.txt", Line: 4, Severity: Warning, Msg: "same", Text: "next"},
			},
			want: "a.txt:3: warning: same\n\trow\na.txt:4: warning: same\n\tnext\n"},
		{name: "no line, no file, no text",
			in: []Diagnostic{
				{File: "a.txt", Line: 5, Severity: Warning, Msg: "with a line"},
				{File: "a.txt", Severity: Warning, Msg: "the whole file"},
				{Severity: Note, Msg: "the company"},
			},
			want: "note: the company\na.txt: warning: the whole file\na.txt:5: warning: with a line\n"},
		{name: "control characters made blanks",
			in:   []Diagnostic{{File: "a.txt", Line: 1, Severity: Warning, Msg: "m", Text: "\tNet\x1b[31m sales\u0085 rose\r"}},
			want: "a.txt:1: warning: m\n\tNet [31m sales  rose\n"},
		{name: "cut to ContextWidth",
			in:   []Diagnostic{{File: "a.txt", Line: 1, Severity: Warning, Msg: "m", Text: long}},
			want: "a.txt:1: warning: m\n\t" + long[:99] + "…\n"},
		{name: "a whole document on one line shows none",
			in:   []Diagnostic{{File: "a.htm", Line: 1, Severity: Warning, Msg: "m", Text: strings.Repeat("<td>1</td>", 200)}},
			want: "a.htm:1: warning: m\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			n, err := WriteDiagnostics(&b, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), tt.want)
			}
			if lines := strings.Count(tt.want, "\n") - strings.Count(tt.want, "\n\t"); n != lines {
				t.Errorf("wrote %d diagnostics, want %d", n, lines)
			}
		})
	}
}

// Sorting copies: the model's list keeps its order.
func TestSortDiagnosticsCopies(t *testing.T) {
	in := []Diagnostic{{File: "b.txt", Msg: "x"}, {File: "a.txt", Msg: "y"}}
	SortDiagnostics(in)
	if in[0].File != "b.txt" {
		t.Errorf("the input was sorted in place: %v", in)
	}
}
