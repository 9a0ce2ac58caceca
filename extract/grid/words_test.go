package grid

import (
	"strings"
	"testing"
)

func TestFoldSpaces(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"Net revenues", "Net revenues"},
		{"  Net   revenues ", "Net revenues"},
		{"Net\trevenues\r\n", "Net revenues"},
		{"Net\u00a0revenues", "Net revenues"}, // a no-break space is white space too
		{"Café  sales", "Café sales"},
		{"Café sales", "Café sales"},
		{" ", ""},
		{"a", "a"},
	} {
		if got := FoldSpaces(tt.in); got != tt.want {
			t.Errorf("FoldSpaces(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FoldSpaces is strings.Join(strings.Fields(s), " "), only faster.
func FuzzFoldSpaces(f *testing.F) {
	for _, s := range []string{"Net  revenues", " a b ", "x\ty", "\u2003", "a\u0085b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := FoldSpaces(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("FoldSpaces(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestIsYear(t *testing.T) {
	for s, want := range map[string]bool{"1950": true, "1949": false, "2024": true, "2099": true, "2100": false, "1234": false,
		"202": false, "20245": false, "20a4": false, " 2024": false, "": false} {
		if got := IsYear(s); got != want {
			t.Errorf("IsYear(%q) = %v, want %v", s, got, want)
		}
	}
}
