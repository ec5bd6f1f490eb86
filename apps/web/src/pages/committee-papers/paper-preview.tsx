import { SummaryList } from "../../components/summary-list";
import type { Outputs } from "../../trpc";

type Built = Outputs["committeePapers"]["get"]["built"];

/**
 * The paper as it will download, built by the server from the draft and today's data. Figures
 * are marked as such, so the officer sees which paragraphs are theirs to edit.
 */
export function PaperPreview({ built }: { built: Built }) {
  return (
    <section aria-labelledby="preview-heading" className="app-paper-preview">
      <h2 className="govuk-heading-l" id="preview-heading">
        The paper as it stands today
      </h2>
      <SummaryList rows={built.frontMatter.map((row) => ({ key: row.label, value: row.value }))} />
      <h3 className="govuk-heading-s">Recommendation(s)</h3>
      <ol className="govuk-list govuk-list--number">
        {built.recommendations.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ol>
      {built.sections.map((section) => (
        <div key={section.key}>
          <h3 className="govuk-heading-m">{section.heading}</h3>
          {section.paragraphs.map((paragraph) => (
            <div key={paragraph.number}>
              <p className="govuk-body">
                {paragraph.number}. {paragraph.text}
                {paragraph.source === "figures" ? (
                  <>
                    {" "}
                    <strong className="govuk-tag govuk-tag--grey">Live figures</strong>
                  </>
                ) : null}
              </p>
              {paragraph.items.length === 0 ? null : (
                <ul className="govuk-list govuk-list--bullet">
                  {paragraph.items.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      ))}
      {built.appendix == null ? null : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">
            {built.appendix.heading}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {built.appendix.columns.map((column) => (
                <th scope="col" className="govuk-table__header" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {built.appendix.rows.map((row, rowIndex) => (
              // Numbers repeat across reviews, so a row is known by its place in the table.
              <tr className="govuk-table__row" key={rowIndex}>
                {row.map((cell, index) => (
                  <td className="govuk-table__cell" key={built.appendix?.columns[index]}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
