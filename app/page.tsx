export default function Home() {
  return <main className="p-6 text-2xl font-bold">VITA</main>;
}
