package htmlgrid

import (
	"strconv"
	"strings"
)

// styleInfo is what an inline style says that matters to a table: whether
// the element shows, whether its text is raised (a footnote mark), how far
// it indents, and the rules its borders draw.
type styleInfo struct {
	none        bool // display:none: not laid out
	invisible   bool // visibility:hidden: laid out, not shown
	visible     bool // visibility:visible, undoing a hidden above
	raised      bool
	center      bool // text-align: center
	left        bool // text-align: left or justify, undoing a centre above
	indent      int  // points
	boxed       bool // display: block, inline-block, table-cell, ...: a box of its own
	top, bottom byte
}

// parseStyle reads an inline style attribute, declaration by declaration.
func parseStyle(s string) styleInfo {
	var st styleInfo
	if s == "" {
		return st
	}
	relative, lift := false, false
	for rest := s; rest != ""; {
		var decl string
		decl, rest, _ = strings.Cut(rest, ";")
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.ToLower(strings.TrimSpace(v))
		v = strings.TrimSpace(strings.TrimSuffix(v, "!important")) // "display:none !important"
		switch k {
		case "text-align":
			st.center = v == "center"
			st.left = !st.center
		case "display":
			st.none = st.none || v == "none"
			st.boxed = v != "none" && v != "inline" && v != "contents"
		case "visibility":
			st.invisible = v == "hidden" || v == "collapse"
			st.visible = v == "visible"
		case "vertical-align":
			st.raised = st.raised || v == "super"
		case "position":
			relative = v == "relative"
		case "top", "bottom":
			if pt, ok := points(v); ok && (k == "top" && pt < -1 || k == "bottom" && pt > 1) {
				lift = true
			}
		case "padding-left", "margin-left", "text-indent":
			if pt, ok := points(v); ok {
				st.indent += pt
			}
		case "padding", "margin":
			// The fourth of four values, or the second of two or three,
			// is the left one.
			f := strings.Fields(v)
			left := ""
			switch len(f) {
			case 1:
				left = f[0]
			case 2, 3:
				left = f[1]
			case 4:
				left = f[3]
			}
			if pt, ok := points(left); ok {
				st.indent += pt
			}
		case "border-bottom", "border-top", "border-bottom-style", "border-top-style", "border":
			r := ruleOf(v)
			if k == "border-top" || k == "border-top-style" || k == "border" {
				st.top = max(st.top, r)
			}
			if k == "border-bottom" || k == "border-bottom-style" || k == "border" {
				st.bottom = max(st.bottom, r)
			}
		}
	}
	st.raised = st.raised || relative && lift
	return st
}

// ruleOf is the rule a border draws: '=' for a double line, '-' for any
// other visible line, 0 for none. ('=' sorts after '-'.)
func ruleOf(v string) byte {
	switch {
	case strings.Contains(v, "none"), strings.Contains(v, "hidden"), v == "0", strings.HasPrefix(v, "0 "), strings.HasPrefix(v, "0px"), strings.HasPrefix(v, "0pt"):
		return 0
	case strings.Contains(v, "double"):
		return '='
	case strings.Contains(v, "solid"), strings.Contains(v, "dotted"), strings.Contains(v, "dashed"), strings.Contains(v, "groove"):
		return '-'
	}
	return 0
}

// points converts a CSS length to whole points; percentages and unknown
// units are not lengths here.
func points(v string) (int, bool) {
	v = strings.TrimSpace(v)
	unit := strings.TrimLeft(v, "-+.0123456789")
	num, err := strconv.ParseFloat(strings.TrimSuffix(v, unit), 64)
	if err != nil {
		return 0, false
	}
	switch strings.TrimSpace(unit) {
	case "pt", "":
		return int(num), true
	case "px":
		return int(num * 0.75), true
	case "in":
		return int(num * 72), true
	case "em", "rem":
		return int(num * 10), true
	case "cm":
		return int(num * 28.35), true
	case "mm":
		return int(num * 2.835), true
	}
	return 0, false
}
