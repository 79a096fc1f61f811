#[automatically_derived]
impl ::report_core::table::Row for Cases {
    const WIDTH: u32 = 0 + <Outcomes as ::report_core::table::Row>::WIDTH
        + <Outcomes as ::report_core::table::Row>::WIDTH + 2u32;
    fn __cells(__report_walk: &mut ::report_core::table::__private::Walk) {
        let __report_mark = __report_walk
            .enter_columns(
                ::std::option::Option::None,
                ::std::option::Option::Some("行政复议"),
                "review",
            );
        <Outcomes as ::report_core::table::Row>::__cells(__report_walk);
        __report_walk.leave(__report_mark);
        let __report_mark = __report_walk
            .enter_columns(
                ::std::option::Option::Some("行政诉讼"),
                ::std::option::Option::Some("未经复议直接起诉"),
                "direct",
            );
        <Outcomes as ::report_core::table::Row>::__cells(__report_walk);
        __report_walk.leave(__report_mark);
        __report_walk
            .cell(
                ::std::option::Option::None,
                ::std::option::Option::Some("备注"),
                ::std::option::Option::Some("after"),
                ::report_core::table::__private::kind_of(Cases::note),
                ::report_core::table::__private::Source::Computed,
            );
    }
    fn header() -> ::std::vec::Vec<::report_core::table::Header> {
        let mut __report_nodes = ::std::vec::Vec::new();
        __report_nodes
            .push(
                ::report_core::table::Header::group(
                    "行政复议",
                    <Outcomes as ::report_core::table::Row>::header(),
                ),
            );
        __report_nodes
            .push(
                ::report_core::table::Header::group(
                    "行政诉讼",
                    {
                        let mut __report_nodes = ::std::vec::Vec::new();
                        __report_nodes
                            .push(
                                ::report_core::table::Header::group(
                                    "未经复议直接起诉",
                                    <Outcomes as ::report_core::table::Row>::header(),
                                ),
                            );
                        __report_nodes
                    },
                ),
            );
        __report_nodes.push(::report_core::table::Header::leaf("备注", 2u32));
        __report_nodes
    }
    fn values(
        &self,
        __report_out: &mut ::std::vec::Vec<::report_core::table::__private::Value>,
    ) {
        <Outcomes as ::report_core::table::Row>::values(&self.review, __report_out);
        <Outcomes as ::report_core::table::Row>::values(&self.direct, __report_out);
        __report_out
            .push(::report_core::table::__private::Value {
                text: ::report_core::table::CellValue::cell_text(&Cases::note(self)),
                colspan: 2u32,
                align: ::report_core::table::Align::Center,
            });
    }
}
#[automatically_derived]
impl ::report_core::table::Table for Cases {
    const COLUMNS: u32 = <Self as ::report_core::table::Row>::WIDTH;
    fn grid(&self) -> ::report_core::table::Grid {
        let mut __report_layout = ::report_core::table::__private::Layout::new(
            <Self as ::report_core::table::Table>::COLUMNS,
            0,
        );
        __report_layout.header("", &<Self as ::report_core::table::Row>::header());
        let __report_header_rows = __report_layout.row();
        let mut __report_values = ::std::vec::Vec::new();
        ::report_core::table::Row::values(self, &mut __report_values);
        __report_layout.values(__report_values);
        __report_layout
            .finish(
                __report_header_rows,
                ::std::option::Option::Some("(1fr, 1fr, 1fr, 1fr)"),
            )
    }
    fn catalogue() -> ::std::vec::Vec<::report_core::table::catalogue::Cell> {
        let mut __report_walk = ::report_core::table::__private::Walk::new(
            ::std::option::Option::None,
        );
        <Self as ::report_core::table::Row>::__cells(&mut __report_walk);
        __report_walk.finish()
    }
}
const _: () = ::core::assert!(
    4u32 == < Cases as ::report_core::table::Table > ::COLUMNS,
    "`widths` must list one width per grid column"
);
