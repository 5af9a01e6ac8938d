//! The size of a local image, read at build time so pages never shift as images load: raster
//! formats by `imagesize` (only the header is read: a large photo costs microseconds), SVG from
//! its root element's `width`/`height` or, failing those, its `viewBox`.

use quick_xml::events::Event;
use std::path::Path;

/// `None` when the file is not there (the link check reports that); an error names why its
/// size cannot be read.
pub fn read(file: &Path) -> Option<Result<(u32, u32), String>> {
    if !file.is_file() {
        return None;
    }
    let is_svg = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    Some(if is_svg {
        svg(file)
    } else {
        imagesize::size(file)
            .map(|s| (s.width as u32, s.height as u32))
            .map_err(|e| e.to_string())
    })
}

fn svg(file: &Path) -> Result<(u32, u32), String> {
    let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let mut reader = quick_xml::Reader::from_str(&text);
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"svg" => {
                let attr = |name: &[u8]| {
                    e.try_get_attribute(name)
                        .ok()
                        .flatten()
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                };
                let px = |v: Option<String>| {
                    let v = v?;
                    let n = v.trim().trim_end_matches("px");
                    n.parse::<f64>().ok().filter(|n| *n > 0.0)
                };
                if let (Some(w), Some(h)) = (px(attr(b"width")), px(attr(b"height"))) {
                    return Ok((w.round() as u32, h.round() as u32));
                }
                let view_box = attr(b"viewBox").unwrap_or_default();
                let numbers: Vec<f64> = view_box
                    .split([' ', ','])
                    .filter_map(|n| n.parse().ok())
                    .collect();
                return match numbers[..] {
                    [_, _, w, h] if w > 0.0 && h > 0.0 => Ok((w.round() as u32, h.round() as u32)),
                    _ => Err("the SVG has no width and height in pixels and no viewBox".into()),
                };
            }
            Event::Eof => return Err("no <svg> element".into()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_of_svg_and_raster_images() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        };
        let vb = write("a.svg", b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 120\"><g/></svg>");
        assert_eq!(read(&vb), Some(Ok((640, 120))));
        let wh = write(
            "b.svg",
            b"<svg width=\"32px\" height=\"16\" viewBox=\"0 0 1 1\"/>",
        );
        assert_eq!(read(&wh), Some(Ok((32, 16))));
        let none = write("c.svg", b"<svg/>");
        assert!(read(&none).unwrap().is_err());
        let broken = write("d.png", b"not a png at all");
        assert!(read(&broken).unwrap().is_err());
        assert_eq!(read(&dir.path().join("missing.png")), None);
        let png = std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tests/fixtures/blogs/public/posts/hugo-leaf/cover.png"),
        )
        .unwrap();
        assert_eq!(read(&write("e.png", &png)), Some(Ok((240, 120))));
    }
}
