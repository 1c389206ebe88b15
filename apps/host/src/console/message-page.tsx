/** A page that only says something: a refusal, a missing refund, an error. */
export function MessagePage({ title, text }: { title: string; text: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href="/console">Back to the overview</a>
      </p>
    </>
  );
}
