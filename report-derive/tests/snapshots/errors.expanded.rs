::core::compile_error! {
    "unknown table attribute `colour`; expected one of `row`, `rows`, `corner`, `head`, `widths`, `label_align`, `crate`"
}
::core::compile_error! {
    "duplicate table attribute `label`"
}
::core::compile_error! {
    "a colspan of 0 leaves a hole: a cell covers at least one column"
}
::core::compile_error! {
    "missing `label = \"…\"` on `b`: every value column needs a header label"
}
::core::compile_error! {
    "group \"g\" is split by other columns: its header cell would overlap them; put the group's fields next to each other"
}
#[automatically_derived]
impl ::report_core::table::Row for Broken {
    const WIDTH: u32 = 0;
    fn header() -> ::std::vec::Vec<::report_core::table::Header> {
        ::std::unreachable!(
            "placeholder impl beside a compile error: never part of a program"
        )
    }
    fn values(&self, _: &mut ::std::vec::Vec<::report_core::table::__private::Value>) {
        ::std::unreachable!(
            "placeholder impl beside a compile error: never part of a program"
        )
    }
    fn __cells(_: &mut ::report_core::table::__private::Walk) {
        ::std::unreachable!(
            "placeholder impl beside a compile error: never part of a program"
        )
    }
}
#[automatically_derived]
impl ::report_core::table::Rows for Broken {
    const WIDTH: u32 = 0;
    const LABEL_DEPTH: u32 = 0;
    fn header() -> ::std::vec::Vec<::report_core::table::Header> {
        ::std::unreachable!(
            "placeholder impl beside a compile error: never part of a program"
        )
    }
    fn emit(&self, _: &mut ::report_core::table::__private::Layout, _: u32) {
        ::std::unreachable!(
            "placeholder impl beside a compile error: never part of a program"
        )
    }
    fn __cells(_: &mut ::report_core::table::__private::Walk) {
        ::std::unreachable!(
            "placeholder impl beside a compile error: never part of a program"
        )
    }
    fn __rows<'__report_a>(
        &'__report_a self,
        _: &mut dyn FnMut(&'__report_a dyn ::std::any::Any),
    ) {
        ::std::unreachable!(
            "placeholder impl beside a compile error: never part of a program"
        )
    }
    fn __rows_mut<'__report_a>(
        &'__report_a mut self,
        _: &mut dyn FnMut(&'__report_a mut dyn ::std::any::Any),
    ) {
        ::std::unreachable!(
            "placeholder impl beside a compile error: never part of a program"
        )
    }
}
#[automatically_derived]
impl ::report_core::table::Table for Broken {
    const COLUMNS: u32 = 0;
    fn grid(&self) -> ::report_core::table::Grid {
        ::std::unreachable!(
            "placeholder impl beside a compile error: never part of a program"
        )
    }
    fn catalogue() -> ::std::vec::Vec<::report_core::table::catalogue::Cell> {
        ::std::unreachable!(
            "placeholder impl beside a compile error: never part of a program"
        )
    }
}
