import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeBodyImages from '../../src/plugins/rehype-body-images.ts';

// rehype-parse is not installed; Markdown with raw HTML through rehype-raw gives the same tree.
const processor = unified()
  .use(remarkParse)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeBodyImages)
  .use(rehypeStringify)
  .freeze();

const run = (input: string) => {
  const file = processor.processSync(input);
  return { html: String(file), refused: file.data.refusedImages };
};

describe('rehypeBodyImages', () => {
  it('keeps https:// images, in Markdown and raw HTML', () => {
    expect(run('![Đà Lạt](https://anh.example/da-lat.jpg)\n\n<img src="https://anh.example/b.jpg" alt="b">')).toEqual({
      html: '<p><img src="https://anh.example/da-lat.jpg" alt="Đà Lạt"></p>\n<img src="https://anh.example/b.jpg" alt="b">',
      refused: [],
    });
  });

  it('removes every other image and lists it with its line and reason, the source as written', () => {
    expect(
      run(
        'Chữ ![a](images/a.jpg) chữ.\n\n![b][b]\n\n<figure><img src="javascript:alert(1)" alt="c">\n<img alt="không có src"><figcaption>Chú thích</figcaption></figure>\n\n[b]: http://baolamdong.vn/b.jpg',
      ),
    ).toEqual({
      html: '<p>Chữ  chữ.</p>\n<p></p>\n<figure>\n<img alt="không có src"><figcaption>Chú thích</figcaption></figure>',
      refused: [
        {
          url: 'images/a.jpg',
          line: 1,
          message:
            'ảnh trong thân bài là một tệp của trang: khi dựng trang chỉ ảnh ở trường "ảnh" được đăng, nên ảnh này sẽ không hiện',
        },
        {
          url: 'http://baolamdong.vn/b.jpg',
          line: 3,
          message: 'địa chỉ ảnh http:// bị trình duyệt chặn trên trang https',
        },
        { url: 'javascript:alert(1)', line: 5, message: 'địa chỉ ảnh dạng javascript: không hiện được trên trang' },
      ],
    });
  });
});
