//! What one PDF page draws, collected through hayro's [`Device`]: its glyphs (Unicode,
//! box), its ruling lines (thin straight sub-paths, stroked or filled) and its images'
//! boxes, all in page space with y growing downwards from the crop box's top left.

use hayro_interpret::font::Glyph as HayroGlyph;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask, interpret_page,
};
use hayro_syntax::page::Page;
use hayro_syntax::xref::XRef;
use kurbo::{Affine, BezPath, PathEl, Point, Rect};

/// A ruling is at most this thick (points): a cell border, not a shaded box.
const THIN: f64 = 2.5;
/// A ruling is at least this long (points): not a dot or a glyph's stroke.
const LONG: f64 = 3.0;

/// One glyph with its Unicode text, in page space (y down).
#[derive(Debug, Clone)]
pub(super) struct Glyph {
    /// Its text (usually one character; a ligature gives several).
    pub text: String,
    /// Left edge of its advance box.
    pub x0: f64,
    /// Right edge of its advance box.
    pub x1: f64,
    /// Its baseline.
    pub y: f64,
    /// Its font size in points (the em as drawn).
    pub size: f64,
}

impl Glyph {
    /// The middle of its box: the point that decides which table cell holds it.
    pub fn centre(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, self.y - self.size * 0.35)
    }
}

/// A straight ruling line: horizontal (`at` is its y, `from`..`to` its x) or vertical
/// (`at` is its x, `from`..`to` its y).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rule {
    /// Where it is across its direction.
    pub at: f64,
    /// Where it starts along its direction (the smaller coordinate).
    pub from: f64,
    /// Where it ends along its direction.
    pub to: f64,
}

/// Everything of one page the reader uses.
#[derive(Debug, Default)]
pub(super) struct PageContent {
    /// The crop box's width (points).
    pub width: f64,
    /// The crop box's height (points).
    pub height: f64,
    /// Glyphs with Unicode, in drawing order (whitespace glyphs left out).
    pub glyphs: Vec<Glyph>,
    /// Where the glyphs without Unicode are (their centres).
    pub unmapped: Vec<(f64, f64)>,
    /// Horizontal rulings, as drawn (pieces not merged).
    pub h: Vec<Rule>,
    /// Vertical rulings, as drawn.
    pub v: Vec<Rule>,
    /// The boxes of the images drawn.
    pub images: Vec<Rect>,
}

/// Interprets one page into its [`PageContent`].
pub(super) fn read_page<'a>(
    page: &Page<'a>,
    xref: &'a XRef,
    cache: &InterpreterCache<'a>,
) -> PageContent {
    let (width, height) = page.render_dimensions();
    let (width, height) = (f64::from(width), f64::from(height));
    let initial = Affine::new(page.initial_transform(true).as_coeffs());
    let settings = InterpreterSettings {
        render_annotations: false,
        ..InterpreterSettings::default()
    };
    let mut ctx =
        Context::new(initial, Rect::new(0.0, 0.0, width, height), cache, xref, settings);
    let mut content = PageContent { width, height, ..PageContent::default() };
    interpret_page(page, &mut ctx, &mut Collector { page: &mut content });
    content
}

/// Whether a paint leaves no mark on a white page: white, or (nearly) transparent. A
/// web page's white or transparent borders are no rulings a reader sees.
fn invisible(paint: &Paint<'_>) -> bool {
    match paint {
        Paint::Color(c) => {
            let [r, g, b, a] = c.to_rgba().to_rgba8();
            a < 13 || r.min(g).min(b) > 242
        }
        Paint::Pattern(_) => false,
    }
}

/// The device: collects into a [`PageContent`], draws nothing.
struct Collector<'p> {
    page: &'p mut PageContent,
}

impl Collector<'_> {
    /// Adds the rulings of a path: every straight sub-path whose box is thin and long
    /// (a filled thin rectangle, a stroked line), and, when stroked, every axis-parallel
    /// straight segment of it (a stroked rectangle's four edges).
    fn add_path(&mut self, path: &BezPath, t: Affine, stroked: bool) {
        let mut pts: Vec<Point> = Vec::new();
        let mut start = Point::ZERO;
        let mut curved = false;
        for el in path.elements() {
            match *el {
                PathEl::MoveTo(q) => {
                    self.sub_path(&pts, curved, stroked);
                    pts.clear();
                    start = t * q;
                    pts.push(start);
                    curved = false;
                }
                PathEl::LineTo(q) => pts.push(t * q),
                PathEl::ClosePath => {
                    if stroked {
                        pts.push(start);
                    }
                }
                PathEl::QuadTo(..) | PathEl::CurveTo(..) => curved = true,
            }
        }
        self.sub_path(&pts, curved, stroked);
    }

    fn sub_path(&mut self, pts: &[Point], curved: bool, stroked: bool) {
        if curved || pts.len() < 2 {
            return;
        }
        let r = pts.iter().fold(Rect::from_points(pts[0], pts[0]), |r, q| r.union_pt(*q));
        if self.add_box(r) {
            return;
        }
        if stroked {
            for w in pts.windows(2) {
                self.add_box(Rect::from_points(w[0], w[1]));
            }
        }
    }

    /// Adds a box as a ruling if it is thin and long; says whether it was.
    fn add_box(&mut self, r: Rect) -> bool {
        if !(r.x0.is_finite() && r.x1.is_finite() && r.y0.is_finite() && r.y1.is_finite())
        {
            return false;
        }
        if r.height() < THIN && r.width() > LONG {
            self.page.h.push(Rule { at: (r.y0 + r.y1) / 2.0, from: r.x0, to: r.x1 });
            true
        } else if r.width() < THIN && r.height() > LONG {
            self.page.v.push(Rule { at: (r.x0 + r.x1) / 2.0, from: r.y0, to: r.y1 });
            true
        } else {
            false
        }
    }
}

impl<'a> Device<'a> for Collector<'_> {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(
        &mut self,
        path: &BezPath,
        t: Affine,
        paint: &Paint<'a>,
        mode: &PathDrawMode,
    ) {
        if invisible(paint) {
            return;
        }
        self.add_path(path, t, matches!(mode, PathDrawMode::Stroke(_)));
    }
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {
    }
    fn draw_glyph(
        &mut self,
        glyph: &HayroGlyph<'a>,
        t: Affine,
        gt: Affine,
        _: &Paint<'a>,
        _: &GlyphDrawMode,
    ) {
        // Glyph space has 1000 units to the em; `m` takes it to page space.
        let m = t * gt;
        let origin = m * Point::ZERO;
        let size = (m * Point::new(0.0, 1000.0) - origin).hypot();
        if !(origin.x.is_finite() && origin.y.is_finite() && size.is_finite()) {
            return;
        }
        let text = match glyph.as_unicode() {
            Some(BfString::Char(c)) => c.to_string(),
            Some(BfString::String(s)) => s,
            None => {
                self.page.unmapped.push((origin.x + size / 4.0, origin.y - size * 0.35));
                return;
            }
        };
        if text.chars().all(char::is_whitespace) {
            return;
        }
        let advance = match glyph {
            HayroGlyph::Outline(g) => {
                g.advance_width().map(f64::from).filter(|a| *a > 0.0)
            }
            HayroGlyph::Type3(_) => None,
        };
        let x1 = match advance {
            Some(a) => (m * Point::new(a, 0.0)).x,
            None => {
                let wide = !text.is_ascii();
                origin.x + if wide { size } else { size / 2.0 }
            }
        };
        let (x0, x1) = if x1 >= origin.x { (origin.x, x1) } else { (x1, origin.x) };
        self.page.glyphs.push(Glyph { text, x0, x1, y: origin.y, size });
    }
    fn draw_image(&mut self, _: Image<'a, '_>, t: Affine) {
        let corners = [
            Point::ZERO,
            Point::new(1.0, 0.0),
            Point::new(0.0, 1.0),
            Point::new(1.0, 1.0),
        ]
        .map(|p| t * p);
        let r = corners
            .iter()
            .fold(Rect::from_points(corners[0], corners[0]), |r, q| r.union_pt(*q));
        if r.x0.is_finite() && r.y0.is_finite() && r.x1.is_finite() && r.y1.is_finite() {
            self.page.images.push(r);
        }
    }
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}
