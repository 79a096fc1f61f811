#[automatically_derived]
impl ::report_core::table::Rows for Applications {
    const WIDTH: u32 = <Counts as ::report_core::table::Row>::WIDTH;
    fn __cells(__report_walk: &mut ::report_core::table::__private::Walk) {
        let __report_mark = __report_walk
            .enter_row(
                ::std::option::Option::None,
                "一、新收",
                "received",
                ::report_core::table::__private::Source::Data,
            );
        <Counts as ::report_core::table::Row>::__cells(__report_walk);
        __report_walk.leave(__report_mark);
        let __report_mark = __report_walk
            .enter_row(
                ::std::option::Option::None,
                "三、办理结果",
                "results",
                ::report_core::table::__private::Source::Data,
            );
        <Results as ::report_core::table::Rows>::__cells(__report_walk);
        __report_walk.leave(__report_mark);
        let __report_mark = __report_walk
            .enter_row(
                ::std::option::Option::None,
                "（七）总计",
                "stated_total",
                ::report_core::table::__private::Source::StatedOrComputed,
            );
        ::report_core::table::__private::row_cells_of(
            Applications::total,
            __report_walk,
        );
        __report_walk.leave(__report_mark);
    }
    fn __rows<'__report_a>(
        &'__report_a self,
        __report_f: &mut dyn FnMut(&'__report_a dyn ::std::any::Any),
    ) {
        __report_f(&self.received);
        <Results as ::report_core::table::Rows>::__rows(&self.results, __report_f);
        __report_f(&self.stated_total);
    }
    fn __rows_mut<'__report_a>(
        &'__report_a mut self,
        __report_f: &mut dyn FnMut(&'__report_a mut dyn ::std::any::Any),
    ) {
        __report_f(&mut self.received);
        <Results as ::report_core::table::Rows>::__rows_mut(
            &mut self.results,
            __report_f,
        );
        __report_f(&mut self.stated_total);
    }
    const LABEL_DEPTH: u32 = {
        let __report_depth = 1;
        let __report_depth = ::report_core::table::__private::max(
            __report_depth,
            1 + <Results as ::report_core::table::Rows>::LABEL_DEPTH,
        );
        __report_depth
    };
    fn header() -> ::std::vec::Vec<::report_core::table::Header> {
        <Counts as ::report_core::table::Row>::header()
    }
    fn emit(
        &self,
        __report_layout: &mut ::report_core::table::__private::Layout,
        __report_depth: u32,
    ) {
        {
            let mut __report_values = ::std::vec::Vec::new();
            <Counts as ::report_core::table::Row>::values(
                &self.received,
                &mut __report_values,
            );
            __report_layout
                .push_row_values(
                    __report_depth,
                    "一、新收",
                    ::report_core::table::Align::Left,
                    __report_values,
                );
        }
        {
            let __report_group = __report_layout
                .open_group(
                    __report_depth,
                    "三、办理结果",
                    ::report_core::table::Align::Center,
                    <Results as ::report_core::table::Rows>::LABEL_DEPTH,
                );
            <Results as ::report_core::table::Rows>::emit(
                &self.results,
                __report_layout,
                __report_group.depth(),
            );
            __report_layout.close_group(__report_group);
        }
        {
            __report_layout
                .push_row(
                    __report_depth,
                    "（七）总计",
                    ::report_core::table::Align::Left,
                    &Applications::total(self),
                );
        }
    }
}
const _: () = {
    ::core::assert!(
        < Results as ::report_core::table::Rows > ::WIDTH <= < Applications as
        ::report_core::table::Rows > ::WIDTH,
        "this row is wider than the table's value columns: its cells would overlap"
    );
    ::core::assert!(
        < Results as ::report_core::table::Rows > ::WIDTH >= < Applications as
        ::report_core::table::Rows > ::WIDTH,
        "this row is narrower than the table's value columns: it would leave a hole"
    );
};
#[automatically_derived]
impl ::report_core::table::Table for Applications {
    const COLUMNS: u32 = <Self as ::report_core::table::Rows>::LABEL_DEPTH
        + <Self as ::report_core::table::Rows>::WIDTH;
    fn grid(&self) -> ::report_core::table::Grid {
        let mut __report_layout = ::report_core::table::__private::Layout::new(
            <Self as ::report_core::table::Table>::COLUMNS,
            <Self as ::report_core::table::Rows>::LABEL_DEPTH,
        );
        __report_layout
            .header(
                "说明",
                &::std::vec![
                    ::report_core::table::Header::group("申请人情况", < Self as
                    ::report_core::table::Rows > ::header())
                ],
            );
        let __report_header_rows = __report_layout.row();
        ::report_core::table::Rows::emit(self, &mut __report_layout, 0);
        __report_layout.finish(__report_header_rows, ::std::option::Option::None)
    }
    fn catalogue() -> ::std::vec::Vec<::report_core::table::catalogue::Cell> {
        let mut __report_walk = ::report_core::table::__private::Walk::new(
            ::std::option::Option::Some("申请人情况"),
        );
        <Self as ::report_core::table::Rows>::__cells(&mut __report_walk);
        __report_walk.finish()
    }
}
