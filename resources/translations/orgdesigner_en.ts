<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) written to {file}</source>
        <translation>
            <numerusform>%n page written to {file}</numerusform>
            <numerusform>%n pages written to {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfExportDialog</name>
    <message numerus="yes">
        <source>%n chart page(s)</source>
        <translation>
            <numerusform>%n chart page</numerusform>
            <numerusform>%n chart pages</numerusform>
        </translation>
    </message>
</context>
</TS>
