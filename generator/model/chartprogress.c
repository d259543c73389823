/*
 * The small progress bar (chart_progress() in chart.h), in the render
 * stage: an inline SVG as wide as its container, a frame, the value's
 * share of it filled, and a tick at the target, named in words by its
 * accessible name, never by the bar alone.
 */
#include "chart.h"

#include <math.h>

#include "buf.h"
#include "chartdraw.h"

/* "v" as a share of "max", within 0..1; 0 when it cannot be one. */
static double
share(double v, double max)
{
	double	 t = v / max;

	if (!isfinite(t) || max <= 0 || t < 0)
		return 0;
	return t > 1 ? 1 : t;
}

void
chart_progress(struct buf *out, double value, double max, int has_target,
    double target, const char *label)
{
	buf_puts(out, "<svg xmlns=\"http://www.w3.org/2000/svg\""
	    " class=\"chart-progress\" role=\"img\" aria-label=\"");
	xml(out, label);
	buf_printf(out, "\" viewBox=\"0 0 202 16\" width=\"100%%\""
	    " height=\"16\" preserveAspectRatio=\"none\"><title>");
	xml(out, label);
	buf_printf(out, "</title><rect class=\"chart-progress-track\" x=\"1\""
	    " y=\"3\" width=\"200\" height=\"10\" fill=\"%s\" stroke=\"%s\""
	    " stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"/>",
	    CHART_PAPER, INK(AXIS));
	buf_printf(out, "<rect class=\"chart-progress-value\" x=\"1\" y=\"3\""
	    " width=\"%s\" height=\"10\" fill=\"%s\"/>",
	    co(200 * share(value, max)).s, INK(BAR));
	if (has_target && isfinite(target))
		buf_printf(out, "<line class=\"chart-target\" x1=\"%s\""
		    " y1=\"0\" x2=\"%s\" y2=\"16\" stroke=\"%s\""
		    " stroke-width=\"2\" vector-effect=\"non-scaling-stroke\"/>",
		    co(1 + 200 * share(target, max)).s,
		    co(1 + 200 * share(target, max)).s, INK(TEXT));
	buf_puts(out, "</svg>");
}
